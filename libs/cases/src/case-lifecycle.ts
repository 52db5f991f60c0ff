import type { CaseState } from '@app/common';

/**
 * The parts of the case lifecycle that intake needs. The full state machine (review, decisions,
 * appeals) is a pure function of its own; these sets are what it will build on.
 */
export const FINAL_STATES: ReadonlySet<CaseState> = new Set(['FULFILLED', 'WITHDRAWN', 'EXPIRED', 'CLOSED']);

/** States in which the family may still add documents. */
export const ACCEPTS_DOCUMENTS: ReadonlySet<CaseState> = new Set([
  'AWAITING_DOCUMENTS',
  'READY_FOR_REVIEW',
  'IN_REVIEW',
  'NEEDS_INFO',
  'APPEALED',
]);

/** The family can withdraw from any open state (domain.md §4 and issue #4). */
export function canWithdraw(state: CaseState): boolean {
  return !FINAL_STATES.has(state);
}

/** NOK-2026-000123: the year of submission and a number from a database sequence. */
export function formatReference(submittedAt: Date, sequence: number): string {
  return `NOK-${submittedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^NOK-\d{4}-\d{6,}$/;
