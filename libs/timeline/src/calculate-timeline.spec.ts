import { describe, expect, it } from '@jest/globals';
import {
  type AccountActivity,
  type HoldFact,
  signedInOnly,
  type Timeline,
  type TimelineEvent,
} from './account-activity.js';
import { calculateTimeline } from './calculate-timeline.js';
import { DEFAULT_ASSUMPTIONS, type TimelineAssumptions } from './policy.js';

const BASE = signedInOnly('2025-01-10');

interface Row {
  /** The sentence of domain.md §3 the row checks. */
  cites: string;
  facts?: Partial<AccountActivity>;
  holds?: HoldFact[];
  asOf?: string;
  assumptions?: Partial<TimelineAssumptions>;
  /** Events as "date state [stoppedBy+…]", in the order freeze, deletion, closure, permanent deletion. */
  events?: [string, string, string, string];
  status?: Timeline['status'];
  exceptions?: Timeline['exceptions'];
  uncertaintyDays?: number;
  policyVersion?: string;
}

const hold = (since: string, releasedAt: string | null = null, caseReference = 'NOK-2026-000001'): HoldFact => ({
  caseReference,
  since: `${since}T09:30:00.000Z`,
  releasedAt: releasedAt && `${releasedAt}T16:00:00.000Z`,
});

const TABLE: Row[] = [
  {
    cites:
      'MAIL_FILES_FREEZE = L + 1 year; MAIL_FILES_DELETION = the freeze + a grace period (default 30 days); ACCOUNT_CLOSURE = L + 2 years; PERMANENT_DELETION = the closure + 60 days',
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
    status: 'FROZEN',
    exceptions: [],
    uncertaintyDays: 0,
  },
  {
    cites: 'Outlook.com and OneDrive are frozen after one year of inactivity (not before)',
    facts: { lastSignInAt: '2026-06-01' },
    events: ['2027-06-01 UPCOMING', '2027-07-01 UPCOMING', '2028-06-01 UPCOMING', '2028-07-31 UPCOMING'],
    status: 'ACTIVE',
  },
  {
    cites: 'frozen after one year: on the anniversary itself the clock has run out',
    asOf: '2026-01-10',
    events: ['2026-01-10 PASSED', '2026-02-09 UPCOMING', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
    status: 'FROZEN',
  },
  {
    cites: 'frozen after one year: the day before, still active',
    asOf: '2026-01-09',
    events: ['2026-01-10 UPCOMING', '2026-02-09 UPCOMING', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
    status: 'ACTIVE',
  },
  {
    cites: 'a year is a calendar year, 29 February rolling to 1 March where the later year has none',
    facts: { lastSignInAt: '2024-02-29' },
    asOf: '2024-06-01',
    events: ['2025-03-01 UPCOMING', '2025-03-31 UPCOMING', '2026-03-01 UPCOMING', '2026-04-30 UPCOMING'],
  },
  {
    cites: 'a year is a calendar year: 28 February stays 28 February',
    facts: { lastSignInAt: '2026-02-28' },
    asOf: '2026-06-01',
    events: ['2027-02-28 UPCOMING', '2027-03-30 UPCOMING', '2028-02-28 UPCOMING', '2028-04-28 UPCOMING'],
  },
  {
    cites: 'grace: assumption, configurable',
    assumptions: { mailFilesDeletionGraceDays: 7 },
    asOf: '2026-01-12',
    events: ['2026-01-10 PASSED', '2026-01-17 UPCOMING', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
  },
  {
    cites: 'for a closure for inactivity the 60 days are an assumption, configurable',
    assumptions: { inactivityDeletionGraceDays: 90 },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-01-10 UPCOMING', '2027-04-10 UPCOMING'],
  },
  {
    cites: 'Subscriptions: while a subscription is active (closure has no date and is stopped by it)',
    facts: { subscriptions: [{ startedAt: '2023-01-01', endedAt: null }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '- STOPPED SUBSCRIPTION', '- STOPPED SUBSCRIPTION'],
    exceptions: ['SUBSCRIPTION'],
    status: 'FROZEN',
  },
  {
    cites: 'The activity exceptions do not stop these two (mail and files): they are about closing the account',
    facts: { lastSignInAt: '2026-03-01', subscriptions: [{ startedAt: '2023-01-01', endedAt: null }], certified: true },
    events: [
      '2027-03-01 UPCOMING',
      '2027-03-31 UPCOMING',
      '- STOPPED SUBSCRIPTION+CERTIFICATION',
      '- STOPPED SUBSCRIPTION+CERTIFICATION',
    ],
  },
  {
    cites: 'where a subscription ended after L, its end + 2 years',
    facts: { subscriptions: [{ startedAt: '2023-01-01', endedAt: '2025-06-30' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-06-30 UPCOMING', '2027-08-29 UPCOMING'],
    exceptions: [],
  },
  {
    cites: 'where a subscription ended after L (one that ended before L changes nothing)',
    facts: { subscriptions: [{ startedAt: '2022-01-01', endedAt: '2024-06-30' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
  },
  {
    cites: 'Subscriptions: while a subscription is active (its end still to come)',
    facts: { subscriptions: [{ startedAt: '2023-01-01', endedAt: '2027-01-01' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '- STOPPED SUBSCRIPTION', '- STOPPED SUBSCRIPTION'],
  },
  {
    cites: 'After it ends, the two-year sign-in rule runs again (from the day it ended)',
    facts: { subscriptions: [{ startedAt: '2023-01-01', endedAt: '2026-11-22' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2028-11-22 UPCOMING', '2029-01-21 UPCOMING'],
    exceptions: [],
    uncertaintyDays: 30,
  },
  {
    cites: 'Purchases: a purchase of a current product keeps the account active',
    facts: { purchases: [{ at: '2024-03-01', kind: 'PRODUCT' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '- STOPPED PURCHASE', '- STOPPED PURCHASE'],
    exceptions: ['PURCHASE'],
  },
  {
    cites: 'Gift cards do not count here',
    facts: { purchases: [{ at: '2024-03-01', kind: 'GIFT_CARD' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
    exceptions: [],
  },
  {
    cites: 'certifications ... do not count here (as purchases)',
    facts: { purchases: [{ at: '2024-03-01', kind: 'CERTIFICATION' }] },
    exceptions: [],
  },
  {
    cites: 'subscription-based purchases do not count here',
    facts: { purchases: [{ at: '2024-03-01', kind: 'SUBSCRIPTION' }] },
    exceptions: [],
  },
  {
    cites: 'Purchases: a purchase not yet made on the day asked about does not count',
    facts: { purchases: [{ at: '2026-12-01', kind: 'PRODUCT' }] },
    exceptions: [],
  },
  {
    cites: 'Store publishing: the account published apps or games',
    facts: { storePublisher: true },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '- STOPPED STORE_PUBLISHER', '- STOPPED STORE_PUBLISHER'],
  },
  {
    cites: 'Certifications: the account earned a certification',
    facts: { certified: true },
    exceptions: ['CERTIFICATION'],
  },
  {
    cites: 'Account balance: while an unused balance remains',
    facts: { balance: { amount: '12.50', currency: 'EUR' } },
    exceptions: ['BALANCE'],
  },
  {
    cites: 'Account balance: a zero balance is no balance',
    facts: { balance: { amount: '0.00', currency: 'EUR' } },
    exceptions: [],
  },
  {
    cites: 'Creditor: while the provider owes the holder money',
    facts: { owedByProvider: { amount: '0.01', currency: 'EUR' } },
    exceptions: ['CREDITOR'],
  },
  {
    cites: "Family accounts: an inactive account that consented for an active minor's account stays open",
    facts: { consentedMinorAccounts: [{ accountEmail: 'kid@outlook.com', status: 'ACTIVE' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '- STOPPED FAMILY_CONSENT', '- STOPPED FAMILY_CONSENT'],
  },
  {
    cites: "until the minor's account (i) is deemed inactive and closed, (ii) is closed by the holder",
    facts: { consentedMinorAccounts: [{ accountEmail: 'kid@outlook.com', status: 'CLOSED' }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-01-10 UPCOMING', '2027-03-11 UPCOMING'],
    exceptions: [],
  },
  {
    cites: '(iii) becomes a standard account when the minor comes of age',
    facts: { consentedMinorAccounts: [{ accountEmail: 'kid@outlook.com', status: 'STANDARD' }] },
    exceptions: [],
  },
  {
    cites: 'While any exception holds on the day asked about, the closure is stopped by it (all of them named)',
    facts: {
      purchases: [{ at: '2024-03-01', kind: 'PRODUCT' }],
      subscriptions: [{ startedAt: '2023-01-01', endedAt: null }],
      balance: { amount: '5', currency: 'USD' },
    },
    events: [
      '2026-01-10 PASSED',
      '2026-02-09 PASSED',
      '- STOPPED PURCHASE+SUBSCRIPTION+BALANCE',
      '- STOPPED PURCHASE+SUBSCRIPTION+BALANCE',
    ],
  },
  {
    cites: 'A blocked account closes two years after the block began, whatever exceptions hold',
    facts: { blockedSince: '2025-03-01', subscriptions: [{ startedAt: '2023-01-01', endedAt: null }] },
    events: ['2026-01-10 PASSED', '2026-02-09 PASSED', '2027-03-01 UPCOMING', '2027-04-30 UPCOMING'],
    status: 'INACTIVE',
    exceptions: ['SUBSCRIPTION'],
  },
  {
    cites: 'an account blocked (suspended) for more than two years is also inactive and closed',
    facts: { lastSignInAt: '2024-05-01', blockedSince: '2024-06-01' },
    asOf: '2026-07-01',
    events: ['2025-05-01 PASSED', '2025-05-31 PASSED', '2026-06-01 PASSED', '2026-07-31 UPCOMING'],
    status: 'CLOSED',
  },
  {
    cites: 'closed by its holder: it can be reopened within 60 days by signing in (mail and files go with it)',
    facts: { lastSignInAt: '2026-10-01', closedByHolderAt: '2026-10-01' },
    events: ['2026-10-01 PASSED', '2026-11-30 UPCOMING', '2026-10-01 PASSED', '2026-11-30 UPCOMING'],
    status: 'REOPENABLE',
  },
  {
    cites: 'after 60 days the account and its data are permanently deleted',
    facts: { lastSignInAt: '2026-08-01', closedByHolderAt: '2026-08-01' },
    events: ['2026-08-01 PASSED', '2026-09-30 PASSED', '2026-08-01 PASSED', '2026-09-30 PASSED'],
    status: 'DELETED',
  },
  {
    cites: 'closed by its holder: exceptions do not keep open an account its holder closed',
    facts: { lastSignInAt: '2026-10-01', closedByHolderAt: '2026-10-01', balance: { amount: '3.00', currency: 'EUR' } },
    events: ['2026-10-01 PASSED', '2026-11-30 UPCOMING', '2026-10-01 PASSED', '2026-11-30 UPCOMING'],
  },
  {
    cites: 'PERMANENT_DELETION = the closure + 60 days. Until then the account is reopenable',
    facts: { lastSignInAt: '2024-10-01' },
    events: ['2025-10-01 PASSED', '2025-10-31 PASSED', '2026-10-01 PASSED', '2026-11-30 UPCOMING'],
    status: 'REOPENABLE',
  },
  {
    cites: 'Every date computed from activity of the last 30 days carries that uncertainty',
    facts: { lastSignInAt: '2026-11-01' },
    uncertaintyDays: 30,
  },
  {
    cites: 'a purchase or other activity can take up to 30 days to show (30 days ago: still uncertain)',
    facts: { lastSignInAt: '2026-10-23' },
    uncertaintyDays: 30,
  },
  {
    cites: 'a purchase or other activity can take up to 30 days to show (31 days ago: settled)',
    facts: { lastSignInAt: '2026-10-22' },
    uncertaintyDays: 0,
  },
  {
    cites:
      'A legal hold stops every clock from the day it is placed; the dates as they would fall without it, marked stopped',
    facts: { lastSignInAt: '2025-12-01' },
    holds: [hold('2026-11-01')],
    events: [
      '2026-12-01 STOPPED LEGAL_HOLD',
      '2026-12-31 STOPPED LEGAL_HOLD',
      '2027-12-01 STOPPED LEGAL_HOLD',
      '2028-01-30 STOPPED LEGAL_HOLD',
    ],
    exceptions: ['LEGAL_HOLD'],
    status: 'ACTIVE',
  },
  {
    cites: 'A legal hold stops every clock from the day it is placed (what ran out before stays passed)',
    holds: [hold('2026-11-01')],
    events: [
      '2026-01-10 PASSED',
      '2026-02-09 PASSED',
      '2027-01-10 STOPPED LEGAL_HOLD',
      '2027-03-11 STOPPED LEGAL_HOLD',
    ],
    status: 'FROZEN',
  },
  {
    cites: 'A legal hold stops every clock ... until the day it is released (the clocks resume, ten days later)',
    facts: { lastSignInAt: '2025-12-01' },
    holds: [hold('2026-11-01', '2026-11-11')],
    events: ['2026-12-11 UPCOMING', '2027-01-10 UPCOMING', '2027-12-11 UPCOMING', '2028-02-09 UPCOMING'],
    exceptions: [],
  },
  {
    cites: 'A legal hold stops every clock (two holds overlapping stop it once, for their union)',
    facts: { lastSignInAt: '2025-12-01' },
    holds: [hold('2026-11-01', '2026-11-11'), hold('2026-11-05', '2026-11-15', 'NOK-2026-000002')],
    events: ['2026-12-15 UPCOMING', '2027-01-14 UPCOMING', '2027-12-15 UPCOMING', '2028-02-13 UPCOMING'],
  },
  {
    cites:
      'A legal hold stops every clock from the day it is placed (not before: a hold placed later is not yet there)',
    facts: { lastSignInAt: '2025-12-01' },
    holds: [hold('2026-12-05')],
    events: ['2026-12-01 UPCOMING', '2026-12-31 UPCOMING', '2027-12-01 UPCOMING', '2028-01-30 UPCOMING'],
    exceptions: [],
  },
  {
    cites: 'A case that asks to preserve data is such a hold (alongside the activity exceptions)',
    facts: { subscriptions: [{ startedAt: '2023-01-01', endedAt: null }] },
    holds: [hold('2026-11-01')],
    events: [
      '2026-01-10 PASSED',
      '2026-02-09 PASSED',
      '- STOPPED SUBSCRIPTION+LEGAL_HOLD',
      '- STOPPED SUBSCRIPTION+LEGAL_HOLD',
    ],
    exceptions: ['SUBSCRIPTION', 'LEGAL_HOLD'],
  },
  {
    cites: 'A legal hold stops every clock (also a blocked account’s closure)',
    facts: { blockedSince: '2025-03-01' },
    holds: [hold('2026-11-01')],
    events: [
      '2026-01-10 PASSED',
      '2026-02-09 PASSED',
      '2027-03-01 STOPPED LEGAL_HOLD',
      '2027-04-30 STOPPED LEGAL_HOLD',
    ],
  },
  {
    cites: 'From the account activity policy: effective 30 August 2019',
    facts: { lastSignInAt: '2019-10-01' },
    asOf: '2020-01-01',
    policyVersion: '2019-08-30',
  },
  {
    cites: 'From the account activity policy: updated 11 August 2020 / 6 November 2020',
    policyVersion: '2020-11-06',
  },
];

function show(event: TimelineEvent): string {
  return [event.date ?? '-', event.state, event.stoppedBy.join('+')].filter(Boolean).join(' ');
}

describe('calculateTimeline (domain.md §3)', () => {
  it('has a row for every rule', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(TABLE.map((row) => [row.cites, row] as const))('%s', (_cites, row) => {
    const timeline = calculateTimeline({ ...BASE, ...row.facts }, row.holds ?? [], row.asOf ?? '2026-11-22', {
      ...DEFAULT_ASSUMPTIONS,
      ...row.assumptions,
    });
    if (row.events) expect(timeline.events.map(show)).toEqual(row.events);
    if (row.status) expect(timeline.status).toBe(row.status);
    if (row.exceptions) expect(timeline.exceptions).toEqual(row.exceptions);
    if (row.uncertaintyDays !== undefined) expect(timeline.uncertaintyDays).toBe(row.uncertaintyDays);
    if (row.policyVersion) expect(timeline.policyVersion).toBe(row.policyVersion);
  });

  it('lists the holds in force with their case reference, and only those', () => {
    const timeline = calculateTimeline(
      BASE,
      [hold('2026-10-01', '2026-10-05', 'NOK-2026-000007'), hold('2026-11-01', null, 'NOK-2026-000009')],
      '2026-11-22',
    );
    expect(timeline.holds).toEqual([{ caseReference: 'NOK-2026-000009', since: '2026-11-01T09:30:00.000Z' }]);
  });

  it('says when it next changes without new facts', () => {
    expect(calculateTimeline(BASE, [], '2026-11-22').changesOn).toBe('2027-01-10');
    const withSubscription = { ...BASE, subscriptions: [{ startedAt: '2023-01-01', endedAt: '2026-12-24' }] };
    expect(calculateTimeline(withSubscription, [], '2026-11-22').changesOn).toBe('2026-12-24');
    expect(calculateTimeline({ ...BASE, lastSignInAt: '2026-11-20' }, [], '2026-11-22').changesOn).toBe('2026-12-21');
  });
});
