import type {
  AccountActivity,
  AccountStatus,
  HoldFact,
  StopReason,
  Timeline,
  TimelineEvent,
  TimelineEventKind,
} from './account-activity.js';
import { type CalendarDate, calendarDateOf, daysBetween, earliest, plusDays, plusYears } from './calendar-date.js';
import { DEFAULT_ASSUMPTIONS, policyInForce, type TimelineAssumptions, type TimelinePolicy } from './policy.js';

/** Days in which released legal holds stopped every clock. */
interface ReleasedSpan {
  from: CalendarDate;
  to: CalendarDate;
}

interface HoldSpans {
  released: ReleasedSpan[];
  /** The day the earliest hold still in force was placed. */
  activeSince: CalendarDate | null;
}

interface RawEvent {
  kind: TimelineEventKind;
  date: CalendarDate | null;
  stoppedBy: StopReason[];
}

/**
 * The account's inactivity timeline on `asOf` (domain.md §3): when mail and files freeze and are
 * deleted, when the account closes and is deleted for good, what stops each clock, and the
 * account's status. A pure function of the facts, the holds and the date.
 */
export function calculateTimeline(
  activity: AccountActivity,
  holds: readonly HoldFact[],
  asOf: CalendarDate,
  assumptions: TimelineAssumptions = DEFAULT_ASSUMPTIONS,
  policy: TimelinePolicy = policyInForce(asOf),
): Timeline {
  const exceptions = activityExceptions(activity, asOf);
  const closure = closureClock(activity, exceptions, asOf, policy, assumptions);
  const freeze = plusYears(activity.lastSignInAt, policy.mailFilesFreezeYears);
  // Mail and files cannot outlive the account they belong to.
  const freezeDate = earliest([freeze, closure.date]);
  const deletionDate = earliest([plusDays(freeze, assumptions.mailFilesDeletionGraceDays), closure.deletion]);
  const raw: RawEvent[] = [
    { kind: 'MAIL_FILES_FREEZE', date: freezeDate, stoppedBy: [] },
    { kind: 'MAIL_FILES_DELETION', date: deletionDate, stoppedBy: [] },
    { kind: 'ACCOUNT_CLOSURE', date: closure.date, stoppedBy: closure.stoppedBy },
    { kind: 'PERMANENT_DELETION', date: closure.deletion, stoppedBy: closure.stoppedBy },
  ];
  const spans = holdSpans(holds, asOf);
  const events = raw.map((event) => settle(event, spans, asOf));
  const activeHolds = holds.filter((hold) => holdsOn(hold, asOf));
  return {
    asOf,
    policyVersion: policy.version,
    status: statusOf(events, activity, asOf),
    events,
    exceptions: activeHolds.length > 0 ? [...exceptions, 'LEGAL_HOLD'] : exceptions,
    holds: activeHolds.map(({ caseReference, since }) => ({ caseReference, since })),
    uncertaintyDays: daysBetween(closure.basis, asOf) <= policy.reportingLagDays ? policy.reportingLagDays : 0,
    changesOn: nextChange(activity, holds, events, plusDays(closure.basis, policy.reportingLagDays + 1), asOf),
  };
}

/** The exceptions that keep the account open on `asOf` (domain.md §3, "Exceptions"), in api.md's order. */
export function activityExceptions(activity: AccountActivity, asOf: CalendarDate): StopReason[] {
  const reasons: [StopReason, boolean][] = [
    ['PURCHASE', activity.purchases.some((p) => p.kind === 'PRODUCT' && p.at <= asOf)],
    [
      'SUBSCRIPTION',
      activity.subscriptions.some((s) => s.startedAt <= asOf && (s.endedAt === null || asOf < s.endedAt)),
    ],
    ['STORE_PUBLISHER', activity.storePublisher],
    ['CERTIFICATION', activity.certified],
    ['BALANCE', isPositive(activity.balance?.amount)],
    ['CREDITOR', isPositive(activity.owedByProvider?.amount)],
    ['FAMILY_CONSENT', activity.consentedMinorAccounts.some((minor) => minor.status === 'ACTIVE')],
  ];
  return reasons.filter(([, holds]) => holds).map(([reason]) => reason);
}

function closureClock(
  activity: AccountActivity,
  exceptions: StopReason[],
  asOf: CalendarDate,
  policy: TimelinePolicy,
  assumptions: TimelineAssumptions,
): { date: CalendarDate | null; deletion: CalendarDate | null; stoppedBy: StopReason[]; basis: CalendarDate } {
  const basis = inactivityBasis(activity, asOf);
  if (activity.closedByHolderAt !== null) {
    const date = activity.closedByHolderAt;
    return { date, deletion: plusDays(date, policy.holderReopenDays), stoppedBy: [], basis };
  }
  // A blocked holder cannot sign in, so the exceptions (about signing in) do not keep it open.
  const date =
    activity.blockedSince !== null
      ? plusYears(activity.blockedSince, policy.blockedClosureYears)
      : exceptions.length > 0
        ? null
        : plusYears(basis, policy.inactivityClosureYears);
  if (date === null) return { date, deletion: null, stoppedBy: exceptions, basis };
  return { date, deletion: plusDays(date, assumptions.inactivityDeletionGraceDays), stoppedBy: [], basis };
}

/** The day the two-year clock runs from: the last sign-in, or a subscription that ended after it. */
function inactivityBasis(activity: AccountActivity, asOf: CalendarDate): CalendarDate {
  let basis = activity.lastSignInAt;
  for (const { endedAt } of activity.subscriptions) {
    if (endedAt !== null && endedAt <= asOf && endedAt > basis) basis = endedAt;
  }
  return basis;
}

/** The holds placed by `asOf`: the days released ones stopped the clocks (merged), and the days active ones began. */
function holdSpans(holds: readonly HoldFact[], asOf: CalendarDate): HoldSpans {
  const placed = holds.filter((hold) => calendarDateOf(hold.since) <= asOf);
  const released = placed
    .filter((hold) => !holdsOn(hold, asOf))
    .map((hold) => ({ from: calendarDateOf(hold.since), to: releaseDate(hold) ?? asOf }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: ReleasedSpan[] = [];
  for (const span of released) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) last.to = span.to > last.to ? span.to : last.to;
    else merged.push({ ...span });
  }
  const activeSince = earliest(placed.filter((hold) => holdsOn(hold, asOf)).map((hold) => calendarDateOf(hold.since)));
  return { released: merged, activeSince };
}

function holdsOn(hold: HoldFact, asOf: CalendarDate): boolean {
  const release = releaseDate(hold);
  return calendarDateOf(hold.since) <= asOf && (release === null || release > asOf);
}

function releaseDate(hold: HoldFact): CalendarDate | null {
  return hold.releasedAt === null ? null : calendarDateOf(hold.releasedAt);
}

/**
 * A hold stops every clock that had not run out when it was placed. Released, it gave the family
 * its days back: the clock resumes where it stopped. Still in force, the date is shown as it would
 * fall without it, marked stopped (domain.md §3).
 */
function settle(event: RawEvent, spans: HoldSpans, asOf: CalendarDate): TimelineEvent {
  let date = event.date;
  for (const span of spans.released) {
    if (date === null || date < span.from) break;
    date = plusDays(date, daysBetween(span.from, span.to));
  }
  const held = spans.activeSince !== null && (date === null || date >= spans.activeSince);
  const stoppedBy: StopReason[] = held ? [...event.stoppedBy, 'LEGAL_HOLD'] : event.stoppedBy;
  const state = stoppedBy.length > 0 ? 'STOPPED' : date !== null && date <= asOf ? 'PASSED' : 'UPCOMING';
  return { kind: event.kind, date, state, stoppedBy };
}

function statusOf(events: readonly TimelineEvent[], activity: AccountActivity, asOf: CalendarDate): AccountStatus {
  const passed = (kind: TimelineEventKind): boolean =>
    events.some((event) => event.kind === kind && event.state === 'PASSED');
  const blocked = activity.blockedSince !== null && activity.blockedSince <= asOf && activity.closedByHolderAt === null;
  if (passed('PERMANENT_DELETION')) return 'DELETED';
  if (passed('ACCOUNT_CLOSURE')) return blocked ? 'CLOSED' : 'REOPENABLE';
  if (blocked) return 'INACTIVE';
  if (passed('MAIL_FILES_FREEZE')) return 'FROZEN';
  return 'ACTIVE';
}

/** Every dated fact or event after `asOf`: the timeline is the same on every day before the first. */
function nextChange(
  activity: AccountActivity,
  holds: readonly HoldFact[],
  events: readonly TimelineEvent[],
  certainFrom: CalendarDate,
  asOf: CalendarDate,
): CalendarDate | null {
  const dates = [
    ...events.map((event) => event.date),
    activity.blockedSince,
    activity.closedByHolderAt,
    ...activity.purchases.map((purchase) => purchase.at),
    ...activity.subscriptions.flatMap((subscription) => [subscription.startedAt, subscription.endedAt]),
    ...holds.flatMap((hold) => [calendarDateOf(hold.since), releaseDate(hold)]),
    certainFrom,
  ];
  return earliest(dates.filter((date) => date !== null && date > asOf));
}

function isPositive(amount: string | undefined): boolean {
  return amount !== undefined && /[1-9]/.test(amount);
}
