import type { CaseState } from '@app/common';
import { WAITING_FOR_FAMILY } from '../case-lifecycle.js';

/**
 * The promised response times of domain.md §4, measured per case (issue #4): time to the first
 * review action (default 2 business days) and to a decision (default 30 days). Both timers pause
 * while the case waits for the family. A pure function of the case's state history and `now`.
 */

export interface SlaPolicy {
  firstReviewBusinessDays: number;
  decisionDays: number;
  /** A timer is "near breach" once less than this share of its time is left. */
  nearBreachShare: number;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = { firstReviewBusinessDays: 2, decisionDays: 30, nearBreachShare: 0.25 };

/** The policy from configuration (SLA_FIRST_REVIEW_BUSINESS_DAYS, SLA_DECISION_DAYS). */
export function slaPolicyOf(config: { SLA_FIRST_REVIEW_BUSINESS_DAYS: number; SLA_DECISION_DAYS: number }): SlaPolicy {
  return {
    ...DEFAULT_SLA_POLICY,
    firstReviewBusinessDays: config.SLA_FIRST_REVIEW_BUSINESS_DAYS,
    decisionDays: config.SLA_DECISION_DAYS,
  };
}

export interface StateEntry {
  state: CaseState;
  at: Date;
}

export interface SlaTimer {
  /** When the time runs out, if the timer keeps running from now; null while paused or stopped. */
  dueAt: Date | null;
  /** When the promise was kept (the first review action, the decision), or null. */
  metAt: Date | null;
  status: 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'STOPPED';
  nearBreach: boolean;
  /** Time used so far, in the timer's own unit (business or calendar milliseconds). */
  usedMs: number;
  budgetMs: number;
}

export interface SlaTimers {
  firstReview: SlaTimer;
  decision: SlaTimer;
}

const DAY = 86_400_000;
const FIRST_REVIEW_DONE: ReadonlySet<CaseState> = new Set(['IN_REVIEW']);
const DECIDED: ReadonlySet<CaseState> = new Set(['APPROVED', 'REJECTED']);
const ENDED: ReadonlySet<CaseState> = new Set(['WITHDRAWN', 'EXPIRED', 'CLOSED', 'FULFILLED']);

export function slaTimers(
  history: readonly StateEntry[],
  now: Date,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): SlaTimers {
  return {
    firstReview: timer(history, now, policy, FIRST_REVIEW_DONE, policy.firstReviewBusinessDays * DAY, businessMs),
    decision: timer(history, now, policy, DECIDED, policy.decisionDays * DAY, calendarMs),
  };
}

type Measure = (from: number, to: number) => number;

function timer(
  history: readonly StateEntry[],
  now: Date,
  policy: SlaPolicy,
  done: ReadonlySet<CaseState>,
  budgetMs: number,
  measure: Measure,
): SlaTimer {
  const entries = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let usedMs = 0;
  for (const [index, entry] of entries.entries()) {
    const from = entry.at.getTime();
    if (done.has(entry.state)) return settle(usedMs, budgetMs, entry.at);
    if (ENDED.has(entry.state))
      return { dueAt: null, metAt: null, status: 'STOPPED', nearBreach: false, usedMs, budgetMs };
    const to = Math.min(entries[index + 1]?.at.getTime() ?? now.getTime(), now.getTime());
    if (!WAITING_FOR_FAMILY.has(entry.state) && to > from) usedMs += measure(from, to);
  }
  const current = entries.at(-1);
  const paused = !current || WAITING_FOR_FAMILY.has(current.state);
  const left = budgetMs - usedMs;
  if (left <= 0) return { dueAt: null, metAt: null, status: 'BREACHED', nearBreach: false, usedMs, budgetMs };
  return {
    dueAt: paused ? null : new Date(advance(now.getTime(), left, measure)),
    metAt: null,
    status: paused ? 'PAUSED' : 'RUNNING',
    nearBreach: left < budgetMs * policy.nearBreachShare,
    usedMs,
    budgetMs,
  };
}

function settle(usedMs: number, budgetMs: number, at: Date): SlaTimer {
  return {
    dueAt: null,
    metAt: at,
    status: usedMs <= budgetMs ? 'MET' : 'BREACHED',
    nearBreach: false,
    usedMs,
    budgetMs,
  };
}

function calendarMs(from: number, to: number): number {
  return to - from;
}

/** Milliseconds between two instants that fall on Monday to Friday (UTC). Public holidays are not known. */
export function businessMs(from: number, to: number): number {
  let total = 0;
  let cursor = from;
  while (cursor < to) {
    const dayEnd = Math.min(Math.floor(cursor / DAY) * DAY + DAY, to);
    const weekday = new Date(cursor).getUTCDay();
    if (weekday !== 0 && weekday !== 6) total += dayEnd - cursor;
    cursor = dayEnd;
  }
  return total;
}

/** The instant at which `amount` more of `measure`'s time has passed after `from`. */
function advance(from: number, amount: number, measure: Measure): number {
  if (measure === calendarMs) return from + amount;
  let cursor = from;
  let left = amount;
  while (left > 0) {
    const dayEnd = Math.floor(cursor / DAY) * DAY + DAY;
    const available = measure(cursor, dayEnd);
    if (available >= left) return cursor + left;
    left -= available;
    cursor = dayEnd;
  }
  return cursor;
}
