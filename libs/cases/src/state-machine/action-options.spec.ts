import type { CaseState, RequestType } from '@app/common';
import { actionOptions } from './action-options.js';
import type { ActorRole, CaseSnapshot } from './case-state-machine.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function snapshot(state: CaseState, requestType: RequestType = 'RELEASE_DATA'): CaseSnapshot {
  return {
    state,
    requestType,
    assigneeId: 'rita',
    firstApproverId: state === 'AWAITING_SECOND_APPROVAL' ? 'rita' : null,
    deciderIds: state === 'AWAITING_SECOND_APPROVAL' || state === 'APPEALED' ? ['rita'] : [],
    rejectedAt: state === 'APPEALED' || state === 'REJECTED' ? new Date('2026-11-20T00:00:00Z') : null,
    waitingForFamilySince: null,
  };
}

function offered(
  state: CaseState,
  who: { id: string; role: ActorRole },
  satisfied = true,
  requestType: RequestType = 'RELEASE_DATA',
  openDataRequestsOnAccount = 0,
) {
  const options = actionOptions(snapshot(state, requestType), who, {
    now: NOW,
    checklist: { satisfied, allProvided: true, missing: satisfied ? [] : ['death certificate'] },
    addressConfirmed: true,
    openDataRequestsOnAccount,
    policy: { appealWindowDays: 30, expiryDays: 90 },
  });
  return options.map((option) => {
    if (option.needsOverride) return `${option.action}: override ${option.refusalCode ?? ''}`;
    return option.allowed ? option.action : `${option.action}: ${option.refusalCode ?? ''}`;
  });
}

const rita = { id: 'rita', role: 'reviewer' as const };
const lea = { id: 'lea', role: 'legal' as const };
const adam = { id: 'adam', role: 'admin' as const };

describe('the actions the back office offers (asked of the state machine)', () => {
  it.each([
    ['a reviewer, ready for review', 'READY_FOR_REVIEW', rita, true, ['assign', 'start-review']],
    ['a reviewer, in review', 'IN_REVIEW', rita, true, ['assign', 'request-info', 'approve', 'reject']],
    [
      'a reviewer, in review, documents not yet accepted',
      'IN_REVIEW',
      rita,
      false,
      ['assign', 'request-info', 'approve: CHECKLIST_NOT_SATISFIED', 'reject'],
    ],
    [
      'the first approver, waiting for the second approval',
      'AWAITING_SECOND_APPROVAL',
      rita,
      true,
      ['assign', 'approve: SECOND_APPROVAL_NEEDS_LEGAL', 'reject'],
    ],
    [
      'a legal user, waiting for the second approval',
      'AWAITING_SECOND_APPROVAL',
      lea,
      true,
      ['assign', 'approve', 'reject'],
    ],
    ['an admin, in review', 'IN_REVIEW', adam, true, ['assign']],
    ['an admin, fulfilled', 'FULFILLED', adam, true, ['close']],
    ['a reviewer, approved', 'APPROVED', rita, true, ['assign', 'fulfil']],
    [
      'the reviewer who rejected, appealed',
      'APPEALED',
      rita,
      true,
      ['assign', 'reopen-on-appeal: APPEAL_NEEDS_ANOTHER_REVIEWER'],
    ],
    [
      'another reviewer, appealed',
      'APPEALED',
      { id: 'omar', role: 'reviewer' as const },
      true,
      ['assign', 'reopen-on-appeal'],
    ],
    ['a reviewer, rejected within the appeal window', 'REJECTED', rita, true, ['assign']],
    ['a reviewer, withdrawn', 'WITHDRAWN', rita, true, []],
  ] as const)('%s', (_name, state, who, satisfied, expected) => {
    expect(offered(state, who, satisfied)).toEqual(expected);
  });

  it('gives the rule in words when it holds an action back', () => {
    const [, approve] = actionOptions(
      snapshot('AWAITING_SECOND_APPROVAL'),
      { id: 'rita', role: 'legal' },
      {
        now: NOW,
        checklist: { satisfied: true, allProvided: true, missing: [] },
        addressConfirmed: true,
        openDataRequestsOnAccount: 0,
        policy: { appealWindowDays: 30, expiryDays: 90 },
      },
    );
    expect(approve).toEqual({
      action: 'approve',
      allowed: false,
      refusalCode: 'SECOND_APPROVAL_BY_SAME_PERSON',
      refusal: 'The second approval must come from someone other than the first.',
      needsOverride: false,
    });
  });

  it.each([
    [
      'a reviewer may not close it over another request for the data',
      rita,
      ['assign', 'fulfil: CLOSURE_WHILE_DATA_REQUESTED'],
    ],
    ['a legal user may, by overriding with a reason', lea, ['assign', 'fulfil: override CLOSURE_WHILE_DATA_REQUESTED']],
  ] as const)('closing an approved account another open request wants the data of: %s', (_name, who, expected) => {
    expect(offered('APPROVED', who, true, 'CLOSE_ACCOUNT', 1)).toEqual(expected);
  });

  it('offers a closure with no other request for the data without an override', () => {
    expect(offered('APPROVED', lea, true, 'CLOSE_ACCOUNT', 0)).toEqual(['assign', 'fulfil']);
  });
});
