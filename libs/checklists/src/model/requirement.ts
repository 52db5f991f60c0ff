import type { DocumentType, RequestType } from '@app/common';
import type { Jurisdiction } from '../jurisdiction.js';

/**
 * Conditions a document (or a whole checklist) must meet. Some the evaluator can check from the
 * data (how a court order was served, the requester's relationship); the others are part of what a
 * reviewer confirms when accepting the document.
 */
export const CONDITIONS = {
  NON_CRIMINAL: { label: 'in a non-criminal matter', checkedBy: 'REVIEWER' },
  ADDRESSED_TO_IRISH_ENTITY: {
    label: "processed by Microsoft Ireland Operations Ltd, 70 Sir John Rogerson's Quay, Dublin 2, Ireland",
    checkedBy: 'REVIEWER',
  },
  SERVED_ON_REGISTERED_AGENT: {
    label: "served on the provider's registered agent in the county or area where you live",
    checkedBy: 'REVIEWER',
  },
  SERVED_NOT_BY_FAX_OR_EMAIL: {
    label: 'served by post, courier, in person or through a registered agent; not by fax or e-mail',
    checkedBy: 'EVALUATOR',
  },
  CLOSE_RELATIVE: {
    label: 'made by a close relative: spouse, parent, child, sibling, grandparent or grandchild',
    checkedBy: 'EVALUATOR',
  },
} as const satisfies Record<string, { label: string; checkedBy: 'REVIEWER' | 'EVALUATOR' }>;

export type Condition = keyof typeof CONDITIONS;

export type RequirementNode =
  | { kind: 'ALL_OF' | 'ONE_OF'; label: string; children: RequirementNode[]; conditions?: Condition[] }
  | { kind: 'DOCUMENT'; documentType: DocumentType; label: string; conditions?: Condition[] };

/** One jurisdiction's checklists, as in force from `effectiveFrom` until a later version. */
export interface ChecklistVersion {
  jurisdiction: Jurisdiction;
  version: string;
  /** YYYY-MM-DD: cases submitted on or after this day are judged by this version. */
  effectiveFrom: string;
  /** Where the rules come from (domain.md and its sources). */
  source: string;
  checklists: Record<RequestType, RequirementNode>;
}
