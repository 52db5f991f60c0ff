export {
  type EvaluatedChecklist,
  type EvaluatedDocumentInput,
  type EvaluatedNode,
  evaluateChecklist,
  type EvaluationInput,
  type ItemStatus,
} from './evaluate.js';
export { EU_EEA_COUNTRIES, JURISDICTIONS, type Jurisdiction, resolveJurisdiction } from './jurisdiction.js';
export { DOCUMENT_LABELS } from './model/document-labels.js';
export { type ChecklistVersion, type Condition, CONDITIONS, type RequirementNode } from './model/requirement.js';
export {
  checklistInForce,
  checklistOfVersion,
  NoChecklistInForce,
  RULEBOOK,
  type SelectedChecklist,
} from './rulebook.js';
