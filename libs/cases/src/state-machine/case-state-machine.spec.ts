import { CASE_STATES, type CaseState, type RequestType } from '@app/common';
import {
  ACTION_ROLES,
  ACTOR_ROLES,
  type ActorRole,
  CASE_ACTIONS,
  type CaseAction,
  type CaseSnapshot,
  transition,
  type TransitionContext,
} from './case-state-machine.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);
const OPEN: CaseState[] = [
  'AWAITING_DOCUMENTS',
  'READY_FOR_REVIEW',
  'IN_REVIEW',
  'NEEDS_INFO',
  'AWAITING_SECOND_APPROVAL',
  'APPROVED',
  'REJECTED',
  'APPEALED',
];

function snapshot(state: CaseState, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    state,
    requestType: 'CLOSE_ACCOUNT',
    assigneeId: null,
    firstApproverId: 'first-approver',
    deciderIds: ['decider'],
    rejectedAt: daysAgo(1),
    waitingForFamilySince: daysAgo(100),
    ...overrides,
  };
}

/** Everything a rule could ask for is present, so only state and role decide. */
function context(overrides: Partial<TransitionContext> = {}): TransitionContext {
  return {
    now: NOW,
    checklist: { satisfied: true, allProvided: true, missing: [] },
    addressConfirmed: true,
    reasonCode: 'NOT_ENTITLED',
    note: 'The inheritance certificate names another heir.',
    openDataRequestsOnAccount: 0,
    policy: { appealWindowDays: 30, expiryDays: 90 },
    ...overrides,
  };
}

/** The whole table, from issue #4 and domain.md §4: what each role may do in each state. */
const ALLOWED: [CaseAction, ActorRole[], CaseState[], CaseState | 'same'][] = [
  ['assign', ['reviewer', 'legal', 'admin'], OPEN, 'same'],
  ['start-review', ['reviewer', 'legal'], ['READY_FOR_REVIEW'], 'IN_REVIEW'],
  ['request-info', ['reviewer', 'legal'], ['IN_REVIEW'], 'NEEDS_INFO'],
  ['approve', ['reviewer', 'legal'], ['IN_REVIEW'], 'APPROVED'],
  ['approve', ['legal'], ['AWAITING_SECOND_APPROVAL'], 'APPROVED'],
  ['reject', ['reviewer', 'legal'], ['IN_REVIEW', 'AWAITING_SECOND_APPROVAL'], 'REJECTED'],
  ['fulfil', ['reviewer', 'legal'], ['APPROVED'], 'FULFILLED'],
  ['close', ['reviewer', 'legal', 'admin'], ['FULFILLED'], 'CLOSED'],
  ['reopen-on-appeal', ['reviewer', 'legal'], ['APPEALED'], 'IN_REVIEW'],
  ['withdraw', ['requester'], OPEN, 'WITHDRAWN'],
  ['appeal', ['requester'], ['REJECTED'], 'APPEALED'],
  // With the checklist all provided (and the address confirmed): forward from waiting, otherwise no
  // change. An upload, a quarantine or a confirmed address re-judges in any state; a reviewer's
  // verdict on a document or a new jurisdiction only while the case is open.
  ...(['documents-changed', 'confirm-email', 'verify-document', 'change-jurisdiction'] as const).flatMap(
    (action): [CaseAction, ActorRole[], CaseState[], CaseState | 'same'][] => {
      const roles: ActorRole[] = ACTION_ROLES[action].slice();
      const judged = action === 'verify-document' || action === 'change-jurisdiction' ? OPEN : CASE_STATES;
      // Issue #14: any change to the documents after the first approval withdraws it.
      const withdraws = action === 'verify-document' || action === 'documents-changed';
      const unchanged = (s: CaseState) =>
        s !== 'AWAITING_DOCUMENTS' && s !== 'NEEDS_INFO' && !(withdraws && s === 'AWAITING_SECOND_APPROVAL');
      return [
        [action, roles, ['AWAITING_DOCUMENTS', 'NEEDS_INFO'], 'READY_FOR_REVIEW'],
        ...(withdraws
          ? ([[action, roles, ['AWAITING_SECOND_APPROVAL'], 'IN_REVIEW']] as [
              CaseAction,
              ActorRole[],
              CaseState[],
              CaseState,
            ][])
          : []),
        [action, roles, judged.filter(unchanged), 'same'],
      ];
    },
  ),
  ['expire', ['system'], ['AWAITING_DOCUMENTS', 'NEEDS_INFO'], 'EXPIRED'],
];

function expected(state: CaseState, action: CaseAction, role: ActorRole): CaseState | undefined {
  const row = ALLOWED.find(([a, roles, states]) => a === action && roles.includes(role) && states.includes(state));
  if (!row) return undefined;
  return row[3] === 'same' ? state : row[3];
}

const everyCombination = CASE_STATES.flatMap((state) =>
  CASE_ACTIONS.flatMap((action) => ACTOR_ROLES.map((role) => [state, action, role] as const)),
);

describe('the state machine, state × action × role', () => {
  it.each(everyCombination)('%s · %s · %s', (state, action, role) => {
    const result = transition(snapshot(state), action, { id: 'actor', role }, context());
    const to = expected(state, action, role);
    if (to) {
      expect(result).toMatchObject({ ok: true, state: to });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const roleMayAct = ALLOWED.some(([a, roles]) => a === action && roles.includes(role));
    if (!roleMayAct) expect(result.code).toBe('ROLE_NOT_ALLOWED');
    else if (action === 'approve' && state === 'AWAITING_SECOND_APPROVAL')
      expect(result.code).toBe('SECOND_APPROVAL_NEEDS_LEGAL');
    else if (action === 'withdraw') expect(result.code).toBe('CASE_NOT_OPEN');
    else expect(result.code).toBe('NOT_ALLOWED_IN_STATE');
    expect(result.message.length).toBeGreaterThan(10);
  });
});

describe('four eyes on releasing data', () => {
  const release = (state: CaseState, overrides: Partial<CaseSnapshot> = {}) =>
    snapshot(state, { requestType: 'RELEASE_DATA' as RequestType, ...overrides });

  it('takes a first approval, then waits for a second', () => {
    const first = transition(release('IN_REVIEW'), 'approve', { id: 'anna', role: 'reviewer' }, context());
    expect(first).toEqual({
      ok: true,
      state: 'AWAITING_SECOND_APPROVAL',
      events: [
        { type: 'STATE_CHANGED', from: 'IN_REVIEW', to: 'AWAITING_SECOND_APPROVAL' },
        { type: 'APPROVAL_RECORDED', approverId: 'anna', step: 1 },
      ],
    });
  });

  it('refuses the first approver as second approver, even as a legal user', () => {
    const result = transition(
      release('AWAITING_SECOND_APPROVAL', { firstApproverId: 'anna' }),
      'approve',
      { id: 'anna', role: 'legal' },
      context(),
    );
    expect(result).toMatchObject({ ok: false, code: 'SECOND_APPROVAL_BY_SAME_PERSON' });
  });

  it('refuses a reviewer as second approver', () => {
    const result = transition(
      release('AWAITING_SECOND_APPROVAL', { firstApproverId: 'anna' }),
      'approve',
      { id: 'ben', role: 'reviewer' },
      context(),
    );
    expect(result).toMatchObject({ ok: false, code: 'SECOND_APPROVAL_NEEDS_LEGAL' });
  });

  it('approves with another legal user, and records the decision', () => {
    const result = transition(
      release('AWAITING_SECOND_APPROVAL', { firstApproverId: 'anna' }),
      'approve',
      { id: 'lea', role: 'legal' },
      context({ note: 'Erbschein verified.' }),
    );
    expect(result).toMatchObject({ ok: true, state: 'APPROVED' });
    expect(result.ok && result.events).toContainEqual({
      type: 'DECIDED',
      outcome: 'APPROVED',
      by: 'lea',
      reasonCode: null,
      reason: 'Erbschein verified.',
    });
  });
});

describe('the rules behind the refusals', () => {
  const reviewer = { id: 'rev', role: 'reviewer' as const };

  it('approves only a satisfied checklist, and names what is missing', () => {
    const result = transition(
      snapshot('IN_REVIEW'),
      'approve',
      reviewer,
      context({ checklist: { satisfied: false, allProvided: true, missing: ['death certificate (a copy)'] } }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'CHECKLIST_NOT_SATISFIED',
      message: expect.stringContaining('death certificate'),
    });
  });

  it.each([
    [{ reasonCode: undefined }, 'UNKNOWN_REASON_CODE'],
    [{ reasonCode: 'BECAUSE' }, 'UNKNOWN_REASON_CODE'],
    [{ note: '   ' }, 'REASON_REQUIRED'],
  ])('never rejects silently: %j → %s', (overrides, code) => {
    expect(transition(snapshot('IN_REVIEW'), 'reject', reviewer, context(overrides))).toMatchObject({
      ok: false,
      code,
    });
  });

  it('tells the family why when rejecting', () => {
    const result = transition(snapshot('IN_REVIEW'), 'reject', reviewer, context());
    expect(result.ok && result.events).toContainEqual({
      type: 'DECIDED',
      outcome: 'REJECTED',
      by: 'rev',
      reasonCode: 'NOT_ENTITLED',
      reason: 'The inheritance certificate names another heir.',
    });
  });

  it('sends a deficiency notice naming the missing items', () => {
    const missing = ['one of: copy of your own ID card or passport; signed power of attorney'];
    const result = transition(
      snapshot('IN_REVIEW'),
      'request-info',
      reviewer,
      context({ note: 'Please send your ID.', checklist: { satisfied: false, allProvided: false, missing } }),
    );
    expect(result.ok && result.events).toContainEqual({
      type: 'DEFICIENCY_NOTICE',
      items: missing,
      note: 'Please send your ID.',
    });
    expect(transition(snapshot('IN_REVIEW'), 'request-info', reviewer, context({ note: '' }))).toMatchObject({
      code: 'REASON_REQUIRED',
    });
  });

  it.each([
    [29, true],
    [30, true],
    [31, false],
  ])('takes an appeal %d days after the rejection: %s', (days, allowed) => {
    const result = transition(
      snapshot('REJECTED', { rejectedAt: daysAgo(days) }),
      'appeal',
      { id: 'family', role: 'requester' },
      context({ note: 'The certificate is valid.' }),
    );
    expect(result.ok ? 'ok' : result.code).toBe(allowed ? 'ok' : 'APPEAL_WINDOW_CLOSED');
  });

  it('sends an appeal to someone who did not decide the case', () => {
    const decided = snapshot('APPEALED', { deciderIds: ['anna'] });
    expect(transition(decided, 'reopen-on-appeal', { id: 'anna', role: 'legal' }, context())).toMatchObject({
      code: 'APPEAL_NEEDS_ANOTHER_REVIEWER',
    });
    expect(transition(decided, 'reopen-on-appeal', { id: 'ben', role: 'reviewer' }, context())).toMatchObject({
      ok: true,
      state: 'IN_REVIEW',
    });
  });

  it.each([
    [89, false],
    [90, true],
  ])('expires a case %d days without the family: %s', (days, expires) => {
    const result = transition(
      snapshot('NEEDS_INFO', { waitingForFamilySince: daysAgo(days) }),
      'expire',
      { id: 'job', role: 'system' },
      context(),
    );
    expect(result.ok ? result.state : result.code).toBe(expires ? 'EXPIRED' : 'NOT_YET_EXPIRED');
  });

  it('closes a rejected case only once it can no longer be appealed', () => {
    expect(transition(snapshot('REJECTED', { rejectedAt: daysAgo(31) }), 'close', reviewer, context())).toMatchObject({
      ok: true,
      state: 'CLOSED',
    });
    expect(transition(snapshot('REJECTED', { rejectedAt: daysAgo(5) }), 'close', reviewer, context())).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED_IN_STATE',
    });
  });

  describe('closing an account while another case asks for its data', () => {
    const approved = snapshot('APPROVED', { requestType: 'CLOSE_ACCOUNT' });
    const conflict = context({ openDataRequestsOnAccount: 1 });

    it('is refused', () => {
      expect(transition(approved, 'fulfil', { id: 'lea', role: 'legal' }, conflict)).toMatchObject({
        ok: false,
        code: 'CLOSURE_WHILE_DATA_REQUESTED',
      });
    });

    it('can be overridden by a legal user with a reason, which is recorded', () => {
      const result = transition(
        approved,
        'fulfil',
        { id: 'lea', role: 'legal' },
        { ...conflict, override: true, note: 'Court ordered closure.' },
      );
      expect(result).toMatchObject({ ok: true, state: 'FULFILLED' });
      expect(result.ok && result.events).toContainEqual({
        type: 'OVERRIDE_USED',
        rule: 'CLOSURE_WHILE_DATA_REQUESTED',
        reason: 'Court ordered closure.',
      });
    });

    it.each([
      ['a reviewer', { id: 'rev', role: 'reviewer' as const }, 'Court ordered closure.'],
      ['a legal user without a reason', { id: 'lea', role: 'legal' as const }, ''],
    ])('cannot be overridden by %s', (_label, actor, note) => {
      expect(transition(approved, 'fulfil', actor, { ...conflict, override: true, note })).toMatchObject({
        ok: false,
        code: 'CLOSURE_WHILE_DATA_REQUESTED',
      });
    });

    it('does not hold back releasing data', () => {
      const release = snapshot('APPROVED', { requestType: 'RELEASE_DATA' });
      expect(transition(release, 'fulfil', { id: 'rev', role: 'reviewer' }, conflict)).toMatchObject({
        ok: true,
        state: 'FULFILLED',
      });
    });
  });
});

/**
 * Issue #14, item 2: "Every approval, first or second, needs a satisfied checklist at that moment;
 * any change to the documents after the first approval withdraws it (the case goes back to review,
 * and the family and the first approver see why)."
 */
describe('four eyes re-check the rules', () => {
  const waiting = () =>
    snapshot('AWAITING_SECOND_APPROVAL', { requestType: 'RELEASE_DATA', firstApproverId: 'anna', assigneeId: 'anna' });
  const unsatisfied = { satisfied: false, allProvided: true, missing: ['Certificate of inheritance'] };

  it('refuses the second approval while the checklist is not satisfied', () => {
    const result = transition(waiting(), 'approve', { id: 'lea', role: 'legal' }, context({ checklist: unsatisfied }));
    expect(result).toMatchObject({ ok: false, code: 'CHECKLIST_NOT_SATISFIED' });
    expect(!result.ok && result.message).toContain('Certificate of inheritance');
  });

  it.each([
    ['verify-document', { id: 'ben', role: 'reviewer' as const }, 'the document "erbschein.pdf" was rejected (forged)'],
    ['documents-changed', { id: 'scanner', role: 'system' as const }, 'the document "erbschein.pdf" was quarantined'],
  ] as const)('%s after the first approval withdraws it, and says why', (action, actor, change) => {
    const result = transition(waiting(), action, actor, context({ checklist: unsatisfied, documentChange: change }));
    expect(result).toMatchObject({ ok: true, state: 'IN_REVIEW' });
    expect(result.ok && result.events).toEqual([
      { type: 'STATE_CHANGED', from: 'AWAITING_SECOND_APPROVAL', to: 'IN_REVIEW' },
      { type: 'APPROVAL_WITHDRAWN', firstApproverId: 'anna', reason: expect.stringContaining(change) as string },
    ]);
  });

  it('withdraws the first approval even when the change leaves the checklist satisfied', () => {
    const result = transition(waiting(), 'verify-document', { id: 'ben', role: 'reviewer' }, context());
    expect(result).toMatchObject({ ok: true, state: 'IN_REVIEW' });
  });
});

describe('documents changing', () => {
  const system = { id: 'intake', role: 'system' as const };
  it.each([
    ['AWAITING_DOCUMENTS', true, 'READY_FOR_REVIEW'],
    ['AWAITING_DOCUMENTS', false, 'AWAITING_DOCUMENTS'],
    ['NEEDS_INFO', true, 'READY_FOR_REVIEW'],
    ['READY_FOR_REVIEW', false, 'AWAITING_DOCUMENTS'],
    ['IN_REVIEW', false, 'IN_REVIEW'],
  ] as const)('%s with all provided = %s → %s', (state, allProvided, to) => {
    const result = transition(
      snapshot(state),
      'documents-changed',
      system,
      context({ checklist: { satisfied: false, allProvided, missing: [] } }),
    );
    expect(result).toMatchObject({ ok: true, state: to });
  });
});

describe('intake waits for the confirmed address', () => {
  it.each(['documents-changed', 'confirm-email', 'verify-document', 'change-jurisdiction'] as const)(
    '%s keeps a complete case waiting while the address is unconfirmed',
    (action) => {
      const role = ACTION_ROLES[action][0];
      const result = transition(
        snapshot('AWAITING_DOCUMENTS'),
        action,
        { id: 'a', role },
        context({ addressConfirmed: false }),
      );
      expect(result).toMatchObject({ ok: true, state: 'AWAITING_DOCUMENTS', events: [] });
    },
  );

  it('a confirmed address sends a complete case to review, once', () => {
    expect(
      transition(snapshot('AWAITING_DOCUMENTS'), 'confirm-email', { id: 'f', role: 'requester' }, context()),
    ).toMatchObject({
      ok: true,
      state: 'READY_FOR_REVIEW',
      events: [{ type: 'STATE_CHANGED', from: 'AWAITING_DOCUMENTS', to: 'READY_FOR_REVIEW' }],
    });
  });

  it('a missing document sends a case that was ready back to the family', () => {
    const missing = { satisfied: false, allProvided: false, missing: ['death certificate'] };
    expect(
      transition(
        snapshot('READY_FOR_REVIEW'),
        'verify-document',
        { id: 'r', role: 'reviewer' },
        context({ checklist: missing }),
      ),
    ).toMatchObject({ ok: true, state: 'AWAITING_DOCUMENTS' });
  });
});
