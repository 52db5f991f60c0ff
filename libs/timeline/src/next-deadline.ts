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

/**
 * The queue's order by data at risk, as one number: an account nobody has reported on could lose
 * anything at any time, so it comes first; then running clocks by date; stopped clocks; nothing left.
 */
export const RISK_RANKS = { UNKNOWN: 0, RUNNING: 1, STOPPED: 2, NOTHING_LEFT: 3 } as const;
export type RiskRank = (typeof RISK_RANKS)[keyof typeof RISK_RANKS];

export function riskRankOf(deadline: NextDeadline | null | 'UNKNOWN'): RiskRank {
  if (deadline === 'UNKNOWN') return RISK_RANKS.UNKNOWN;
  if (deadline === null) return RISK_RANKS.NOTHING_LEFT;
  return deadline.state === 'UPCOMING' ? RISK_RANKS.RUNNING : RISK_RANKS.STOPPED;
}

export function daysLeft(date: CalendarDate | null, today: CalendarDate): number | null {
  return date === null ? null : daysBetween(today, date);
}
