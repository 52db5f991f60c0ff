import type { CaseState, Relationship, RequestType } from '@app/common';
import {
  checklistOfVersion,
  type EvaluatedChecklist,
  type EvaluatedDocumentInput,
  evaluateChecklist,
} from '@app/checklists';
import { intakeStateAfterEvaluation } from './case-lifecycle.js';

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

/**
 * Where intake stands after the documents changed (one verified, rejected, quarantined, or the
 * checklist moved): re-judged against every document, and ready for review only once the address is
 * confirmed too.
 */
export function intakeStateAfterDocuments(
  subject: ChecklistSubject & { state: CaseState },
  documents: readonly EvaluatedDocumentInput[],
  addressConfirmed: boolean,
): CaseState {
  return intakeStateAfterEvaluation(
    subject.state,
    evaluateCaseChecklist(subject, documents).allProvided && addressConfirmed,
  );
}
