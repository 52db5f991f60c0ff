import type { CaseState, RequestType } from '@app/common';

/**
 * The parts of the case lifecycle that intake needs. The full state machine (review, decisions,
 * appeals) is a pure function of its own; these sets are what it will build on.
 */
export const FINAL_STATES: ReadonlySet<CaseState> = new Set(['FULFILLED', 'WITHDRAWN', 'EXPIRED', 'CLOSED']);

/** A rejected family may appeal within this many days; after it, the rejection is final. */
export const APPEAL_WINDOW_DAYS = 30;

/** The last moment a rejection decided at `rejectedAt` can be appealed. */
export function appealDeadline(rejectedAt: Date, windowDays: number): Date {
  return new Date(rejectedAt.getTime() + windowDays * 86_400_000);
}

/** States in which the family may still add documents. */
export const ACCEPTS_DOCUMENTS: ReadonlySet<CaseState> = new Set([
  'AWAITING_DOCUMENTS',
  'READY_FOR_REVIEW',
  'IN_REVIEW',
  'NEEDS_INFO',
  'APPEALED',
]);

/** Requests that want the account's data kept or shown: closing the account would destroy it. */
export const ASKS_FOR_DATA: ReadonlySet<RequestType> = new Set(['RELEASE_DATA', 'PRESERVE_DATA']);

/** States in which the case waits for the family: SLA timers pause, and unanswered ones expire. */
export const WAITING_FOR_FAMILY: ReadonlySet<CaseState> = new Set(['AWAITING_DOCUMENTS', 'NEEDS_INFO']);

/**
 * Intake moves by itself between waiting for documents and ready for review: forward once every
 * required item has a document (accepted or still pending), also after a request for more
 * information; back when one is missing again (a document rejected or withdrawn). Other states are
 * the reviewers' business.
 */
export function intakeStateAfterEvaluation(state: CaseState, allProvided: boolean): CaseState {
  if (WAITING_FOR_FAMILY.has(state) && allProvided) return 'READY_FOR_REVIEW';
  if (state === 'READY_FOR_REVIEW' && !allProvided) return 'AWAITING_DOCUMENTS';
  return state;
}

/**
 * A case goes to review only once the requester confirmed their e-mail address (issue #6), unless
 * the deployment does not ask for it (REQUIRE_EMAIL_VERIFICATION=false).
 */
export function emailConfirmed(required: boolean, confirmedAt: Date | null): boolean {
  return !required || confirmedAt !== null;
}

/** The family can withdraw from any open state (domain.md §4 and issue #4). */
export function canWithdraw(state: CaseState): boolean {
  return !FINAL_STATES.has(state);
}

/** A state in words for a message to the family: `READY_FOR_REVIEW` → "ready for review". */
export function describeState(state: CaseState): string {
  return state.toLowerCase().replaceAll('_', ' ');
}

/** NOK-2026-000123: the year of submission and a number from a database sequence. */
export function formatReference(submittedAt: Date, sequence: number): string {
  return `NOK-${submittedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^NOK-\d{4}-\d{6,}$/;
