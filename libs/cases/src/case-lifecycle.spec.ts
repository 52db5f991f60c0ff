import { canWithdraw, formatReference, intakeStateAfterEvaluation, REFERENCE_PATTERN } from './case-lifecycle.js';

describe('references', () => {
  it.each([
    [new Date('2026-11-23T10:00:00Z'), 123, 'NOK-2026-000123'],
    [new Date('2027-01-01T00:00:00Z'), 1, 'NOK-2027-000001'],
    [new Date('2026-12-31T23:59:59Z'), 1_234_567, 'NOK-2026-1234567'],
  ])('%s #%d → %s', (at, sequence, reference) => {
    expect(formatReference(at, sequence)).toBe(reference);
    expect(reference).toMatch(REFERENCE_PATTERN);
  });
});

describe('withdrawal', () => {
  it.each([
    ['AWAITING_DOCUMENTS', true],
    ['READY_FOR_REVIEW', true],
    ['NEEDS_INFO', true],
    ['REJECTED', true],
    ['WITHDRAWN', false],
    ['EXPIRED', false],
    ['FULFILLED', false],
    ['CLOSED', false],
  ] as const)('from %s: %s', (state, allowed) => {
    expect(canWithdraw(state)).toBe(allowed);
  });
});

describe('intake state after evaluating the checklist', () => {
  it.each([
    ['AWAITING_DOCUMENTS', true, 'READY_FOR_REVIEW'],
    ['AWAITING_DOCUMENTS', false, 'AWAITING_DOCUMENTS'],
    ['READY_FOR_REVIEW', false, 'AWAITING_DOCUMENTS'],
    ['READY_FOR_REVIEW', true, 'READY_FOR_REVIEW'],
    ['IN_REVIEW', false, 'IN_REVIEW'],
    ['NEEDS_INFO', true, 'READY_FOR_REVIEW'],
    ['NEEDS_INFO', false, 'NEEDS_INFO'],
    ['WITHDRAWN', true, 'WITHDRAWN'],
  ] as const)('%s with all provided = %s → %s', (state, allProvided, next) => {
    expect(intakeStateAfterEvaluation(state, allProvided)).toBe(next);
  });
});
