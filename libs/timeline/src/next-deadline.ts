import type { StopReason, Timeline, TimelineEventKind } from './account-activity.js';
import { type CalendarDate, daysBetween } from './calendar-date.js';

/** The events on which data is lost or the account closes; the freeze alone loses nothing. */
const LOSS_EVENTS: ReadonlySet<TimelineEventKind> = new Set([
  'MAIL_FILES_DELETION',
  'ACCOUNT_CLOSURE',
  'PERMANENT_DELETION',
]);

export interface NextDeadline {
  kind: TimelineEventKind;
  /** null when an exception keeps the account open and no date can be given. */
  date: CalendarDate | null;
  state: 'UPCOMING' | 'STOPPED';
  stoppedBy: StopReason[];
}

/**
 * What the subject loses next: the earliest loss that will happen, or if every clock is stopped,
 * the earliest that would happen without what stops it. null when nothing is left to lose.
 */
export function nextDeadline(timeline: Timeline): NextDeadline | null {
  const open = timeline.events.filter((event) => LOSS_EVENTS.has(event.kind) && event.state !== 'PASSED');
  const byDate = (a: { date: CalendarDate | null }, b: { date: CalendarDate | null }): number =>
    (a.date ?? '9999-12-31') < (b.date ?? '9999-12-31') ? -1 : 1;
  const next = open.find((event) => event.state === 'UPCOMING')
    ? open.filter((event) => event.state === 'UPCOMING').sort(byDate)[0]
    : open.sort(byDate).at(0);
  if (!next) return null;
  return {
    kind: next.kind,
    date: next.date,
    state: next.state === 'UPCOMING' ? 'UPCOMING' : 'STOPPED',
    stoppedBy: next.stoppedBy,
  };
}

/** What a case shows of its subject's clock at a glance: what is lost next, when, and whether it is held. */
export interface DeadlineSummary {
  /** UNKNOWN: nobody reported the account's activity. NONE: nothing is left to lose. */
  status: 'UNKNOWN' | 'UPCOMING' | 'STOPPED' | 'NONE';
  kind: TimelineEventKind | null;
  date: CalendarDate | null;
  daysLeft: number | null;
  /** A legal hold (an open case) stops the clock. */
  held: boolean;
}

export function deadlineSummary(timeline: Timeline | null, today: CalendarDate): DeadlineSummary {
  if (timeline === null) return { status: 'UNKNOWN', kind: null, date: null, daysLeft: null, held: false };
  const next = nextDeadline(timeline);
  if (next === null) return { status: 'NONE', kind: null, date: null, daysLeft: null, held: false };
  return {
    status: next.state,
    kind: next.kind,
    date: next.date,
    daysLeft: next.date === null ? null : daysBetween(today, next.date),
    held: next.stoppedBy.includes('LEGAL_HOLD'),
  };
}

/**
 * The queue's order by data at risk, as a rank and a date: an account nobody has reported on could
 * lose anything at any time, so it comes first; then running clocks, soonest first; then stopped
 * clocks by the date they would fall on; last, accounts with nothing left to lose.
 */
export const NO_DATE = '9999-12-31';

const RANKS = { UNKNOWN: 0, UPCOMING: 1, STOPPED: 2, NONE: 3 } as const;
const STATUS_OF_RANK = ['UNKNOWN', 'UPCOMING', 'STOPPED', 'NONE'] as const;

export interface RiskKey {
  rank: number;
  /** `NO_DATE` when there is none: it sorts after every real date and compares in a keyset. */
  date: string;
  kind: TimelineEventKind | null;
  held: boolean;
}

export function riskKeyOf(summary: DeadlineSummary): RiskKey {
  return { rank: RANKS[summary.status], date: summary.date ?? NO_DATE, kind: summary.kind, held: summary.held };
}

export function summaryOfRiskKey(key: RiskKey, today: CalendarDate): DeadlineSummary {
  const date = key.date === NO_DATE ? null : key.date;
  return {
    status: STATUS_OF_RANK[key.rank] ?? 'UNKNOWN',
    kind: key.kind,
    date,
    daysLeft: date === null ? null : daysBetween(today, date),
    held: key.held,
  };
}
