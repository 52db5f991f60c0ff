import { describe, expect, it } from '@jest/globals';
import { type AccountActivity, signedInOnly } from './account-activity.js';
import { activityProblems } from './activity-problems.js';

const FACTS = signedInOnly('2025-01-10');

describe('activityProblems', () => {
  it.each<[string, Partial<AccountActivity>, string[]]>([
    ['consistent facts', {}, []],
    ['a sign-in after today', { lastSignInAt: '2026-11-23' }, ['lastSignInAt']],
    ['a sign-in today', { lastSignInAt: '2026-11-22' }, []],
    [
      'a subscription ending before it started',
      { subscriptions: [{ startedAt: '2024-05-01', endedAt: '2024-04-30' }] },
      ['subscriptions.0.endedAt'],
    ],
    [
      'a subscription with a scheduled end',
      { subscriptions: [{ startedAt: '2024-05-01', endedAt: '2027-04-30' }] },
      [],
    ],
    [
      'a subscription starting after today',
      { subscriptions: [{ startedAt: '2026-12-01', endedAt: null }] },
      ['subscriptions.0.startedAt'],
    ],
    ['a purchase after today', { purchases: [{ at: '2026-12-01', kind: 'PRODUCT' }] }, ['purchases.0.at']],
    ['a block before the last sign-in', { blockedSince: '2025-01-09' }, ['blockedSince']],
    ['a closure by the holder before the last sign-in', { closedByHolderAt: '2024-12-31' }, ['closedByHolderAt']],
    ['a closure by the holder after today', { closedByHolderAt: '2026-11-30' }, ['closedByHolderAt']],
  ])('%s', (_name, facts, fields) => {
    expect(activityProblems({ ...FACTS, ...facts }, '2026-11-22').map((p) => p.field)).toEqual(fields);
  });
});
