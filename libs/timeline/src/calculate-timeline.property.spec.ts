import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AccountActivity, HoldFact, Timeline, TimelineEventKind } from './account-activity.js';
import { calculateTimeline } from './calculate-timeline.js';
import { plusDays } from './calendar-date.js';

const EPOCH = '2019-09-01';
const day = (max = 4000): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map((n) => plusDays(EPOCH, n));
const after = (date: string, max = 1500): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max }).map((n) => plusDays(date, n));

const money = fc.option(
  fc.record({ amount: fc.constantFrom('0.00', '0.01', '12.50'), currency: fc.constantFrom('EUR', 'USD') }),
);

/** Facts as the API admits them: a block or the holder's closure never before the last sign-in. */
const activity: fc.Arbitrary<AccountActivity> = day(2500).chain((lastSignInAt) =>
  fc.record({
    lastSignInAt: fc.constant(lastSignInAt),
    blockedSince: fc.option(after(lastSignInAt), { freq: 4 }),
    closedByHolderAt: fc.option(after(lastSignInAt), { freq: 4 }),
    purchases: fc.array(
      fc.record({ at: day(), kind: fc.constantFrom('PRODUCT', 'GIFT_CARD', 'CERTIFICATION', 'SUBSCRIPTION' as const) }),
      { maxLength: 2 },
    ),
    subscriptions: fc.array(
      day().chain((startedAt) =>
        fc.record({ startedAt: fc.constant(startedAt), endedAt: fc.option(after(startedAt)) }),
      ),
      { maxLength: 2 },
    ),
    storePublisher: fc.boolean(),
    certified: fc.boolean(),
    balance: money,
    owedByProvider: money,
    consentedMinorAccounts: fc.array(
      fc.record({
        accountEmail: fc.constant('kid@outlook.com'),
        status: fc.constantFrom('ACTIVE', 'CLOSED', 'STANDARD' as const),
      }),
      { maxLength: 1 },
    ),
  }),
);

const hold: fc.Arbitrary<HoldFact> = day().chain((since) =>
  fc.record({
    caseReference: fc.constant('NOK-2026-000001'),
    since: fc.constant(`${since}T10:00:00.000Z`),
    releasedAt: fc.option(after(since, 200).map((released) => `${released}T12:00:00.000Z`)),
  }),
);

const holds = fc.array(hold, { maxLength: 3 });

/** A date, with "no date" (an exception keeps the account open) as the latest of all. */
const dateOf = (timeline: Timeline, kind: TimelineEventKind): string =>
  timeline.events.find((event) => event.kind === kind)?.date ?? '9999-12-31';

const KINDS: TimelineEventKind[] = [
  'MAIL_FILES_FREEZE',
  'MAIL_FILES_DELETION',
  'ACCOUNT_CLOSURE',
  'PERMANENT_DELETION',
];

/** More activity of one kind: a later sign-in, a purchase, a subscription, another exception. */
const moreActivity = (facts: AccountActivity): fc.Arbitrary<AccountActivity> => {
  const latestSignIn = [facts.blockedSince, facts.closedByHolderAt]
    .filter((d) => d !== null)
    .sort()
    .at(0);
  return fc.oneof(
    after(facts.lastSignInAt, 800)
      .filter((date) => latestSignIn === undefined || date <= latestSignIn)
      .map((lastSignInAt) => ({ ...facts, lastSignInAt })),
    fc
      .record({ at: day(), kind: fc.constantFrom('PRODUCT', 'GIFT_CARD' as const) })
      .map((purchase) => ({ ...facts, purchases: [...facts.purchases, purchase] })),
    day()
      .chain((startedAt) => fc.record({ startedAt: fc.constant(startedAt), endedAt: fc.option(after(startedAt)) }))
      .map((subscription) => ({ ...facts, subscriptions: [...facts.subscriptions, subscription] })),
    fc.constant({ ...facts, storePublisher: true }),
    fc.constant({ ...facts, balance: { amount: '1.00', currency: 'EUR' } }),
    fc.constant({
      ...facts,
      consentedMinorAccounts: [
        ...facts.consentedMinorAccounts,
        { accountEmail: 'kid2@outlook.com', status: 'ACTIVE' as const },
      ],
    }),
  );
};

describe('calculateTimeline properties', () => {
  it('no date falls before the last activity', () => {
    fc.assert(
      fc.property(activity, holds, day(), (facts, placed, asOf) => {
        const timeline = calculateTimeline(facts, placed, asOf);
        for (const event of timeline.events)
          if (event.date !== null) expect(event.date >= facts.lastSignInAt).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('adding a hold never makes a date earlier', () => {
    fc.assert(
      fc.property(activity, holds, hold, day(), (facts, placed, extra, asOf) => {
        const before = calculateTimeline(facts, placed, asOf);
        const withHold = calculateTimeline(facts, [...placed, extra], asOf);
        for (const kind of KINDS) expect(dateOf(withHold, kind) >= dateOf(before, kind)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('adding activity never makes a deletion earlier', () => {
    fc.assert(
      fc.property(
        activity.chain((facts) => fc.tuple(fc.constant(facts), moreActivity(facts))),
        holds,
        day(),
        ([facts, more], placed, asOf) => {
          const before = calculateTimeline(facts, placed, asOf);
          const after = calculateTimeline(more, placed, asOf);
          for (const kind of ['MAIL_FILES_DELETION', 'PERMANENT_DELETION'] as const) {
            expect(dateOf(after, kind) >= dateOf(before, kind)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a stopped event has a reason, and only a stopped one', () => {
    fc.assert(
      fc.property(activity, holds, day(), (facts, placed, asOf) => {
        for (const event of calculateTimeline(facts, placed, asOf).events) {
          expect(event.state === 'STOPPED').toBe(event.stoppedBy.length > 0);
        }
      }),
    );
  });
});
