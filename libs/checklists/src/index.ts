export {
  type EvaluatedChecklist,
  type EvaluatedDocumentInput,
  evaluateChecklist,
  type ItemStatus,
} from './evaluate.js';
export { JURISDICTIONS, type Jurisdiction, resolveJurisdiction } from './jurisdiction.js';
export { type Condition, CONDITIONS, type RequirementNode } from './model/requirement.js';
export { checklistInForce, checklistOfVersion } from './rulebook.js';
