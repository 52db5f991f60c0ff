import { Injectable } from '@nestjs/common';
import {
  checklistInForce,
  CONDITIONS,
  evaluateChecklist,
  type RequirementNode,
  resolveJurisdiction,
} from '@app/checklists';
import { Clock } from '@app/common';
import type { ChecklistQueryDto } from './dto/checklist-query.dto.js';
import type { ChecklistView, RequirementNodeView } from './views/checklist.views.js';

/** The checklist a family would be asked for today, before they submit anything. */
@Injectable()
export class ChecklistCatalogueService {
  constructor(private readonly clock: Clock) {}

  describe(query: ChecklistQueryDto): ChecklistView {
    const jurisdiction = resolveJurisdiction(query.country);
    const selected = checklistInForce(jurisdiction, query.requestType, this.clock.today());
    const judged = query.relationship
      ? evaluateChecklist(selected.checklist, { documents: [], relationship: query.relationship })
      : undefined;
    const reasons = judged && judged.root.status === 'REJECTED' ? (judged.root.reasons ?? []) : [];
    return {
      jurisdiction,
      version: selected.version,
      effectiveFrom: selected.effectiveFrom,
      eligible: reasons.length === 0,
      reasons,
      checklist: toView(selected.checklist),
    };
  }
}

function toView(node: RequirementNode): RequirementNodeView {
  const conditions = node.conditions?.map((code) => ({ code, label: CONDITIONS[code].label }));
  const common = { kind: node.kind, label: node.label, ...(conditions ? { conditions } : {}) };
  return node.kind === 'DOCUMENT'
    ? { ...common, documentType: node.documentType }
    : { ...common, children: node.children.map(toView) };
}
