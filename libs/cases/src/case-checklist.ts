import type { Relationship, RequestType } from '@app/common';
import {
  checklistOfVersion,
  type EvaluatedChecklist,
  type EvaluatedDocumentInput,
  evaluateChecklist,
} from '@app/checklists';

/** What of a case its checklist depends on. */
export interface ChecklistSubject {
  checklistVersion: string;
  requestType: RequestType;
  requesterRelationship: Relationship;
}

/** A case's checklist, judged by the version it was pinned to at submission, against its documents. */
export function evaluateCaseChecklist(
  subject: ChecklistSubject,
  documents: readonly EvaluatedDocumentInput[],
): CaseChecklist {
  const { checklist, version, effectiveFrom } = checklistOfVersion(subject.checklistVersion, subject.requestType);
  return {
    version,
    effectiveFrom,
    ...evaluateChecklist(checklist, { documents, relationship: subject.requesterRelationship }),
  };
}

export type CaseChecklist = EvaluatedChecklist & { version: string; effectiveFrom: string };
