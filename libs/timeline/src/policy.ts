import type { CalendarDate } from './calendar-date.js';

/**
 * The account activity policy as versioned data (domain.md §3; seeds 001, 002, 003). The figures
 * that the provider states are here; the grace periods domain.md marks as assumptions are
 * `TimelineAssumptions`, set by configuration.
 */
export interface TimelinePolicy {
  version: string;
  publishedOn: CalendarDate;
  effectiveFrom: CalendarDate;
  updatedOn: CalendarDate[];
  sources: string[];
  /** Outlook.com and OneDrive freeze after this many years without a sign-in (003). */
  mailFilesFreezeYears: number;
  /** The account is inactive, and may be closed, after this many years without a sign-in (001, 002, 003). */
  inactivityClosureYears: number;
  /** An account blocked for more than this many years is closed (002). */
  blockedClosureYears: number;
  /** A holder who closed the account can reopen it within this many days; then it is deleted (003). */
  holderReopenDays: number;
  /** Activity can take this many days to show in the activity status (001, 002). */
  reportingLagDays: number;
}

export interface TimelineAssumptions {
  /** Days from the freeze of mail and files until they are deleted ("shortly after"; default 30). */
  mailFilesDeletionGraceDays: number;
  /** Days from a closure for inactivity until permanent deletion (default 60, as for the holder's own closure). */
  inactivityDeletionGraceDays: number;
}

export const DEFAULT_ASSUMPTIONS: TimelineAssumptions = {
  mailFilesDeletionGraceDays: 30,
  inactivityDeletionGraceDays: 60,
};

const RULES = {
  mailFilesFreezeYears: 1,
  inactivityClosureYears: 2,
  blockedClosureYears: 2,
  holderReopenDays: 60,
  reportingLagDays: 30,
} as const;

/** Oldest first. The 2020 updates reworded the exceptions; the clocks did not change. */
export const TIMELINE_POLICIES: readonly TimelinePolicy[] = [
  {
    version: '2019-08-30',
    publishedOn: '2019-07-01',
    effectiveFrom: '2019-08-30',
    updatedOn: [],
    sources: ['001', '002', '003'],
    ...RULES,
  },
  {
    version: '2020-11-06',
    publishedOn: '2019-07-01',
    effectiveFrom: '2020-08-11',
    updatedOn: ['2020-08-11', '2020-11-06'],
    sources: ['001 (updated 11 August 2020)', '002 (updated 6 November 2020)', '003'],
    ...RULES,
  },
];

/**
 * The version in force on a date. Before the first took effect no policy closed accounts for
 * inactivity; the first version is still the best description of the clocks, so it answers.
 */
export function policyInForce(asOf: CalendarDate): TimelinePolicy {
  return TIMELINE_POLICIES.findLast((policy) => policy.effectiveFrom <= asOf) ?? TIMELINE_POLICIES[0];
}
