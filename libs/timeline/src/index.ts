export * from './account-activity.js';
export {
  type CalendarDate,
  calendarDateOf,
  daysBetween,
  isCalendarDate,
  plusDays,
  plusYears,
} from './calendar-date.js';
export { activityExceptions, calculateTimeline } from './calculate-timeline.js';
export { daysLeft, type NextDeadline, nextDeadline, RISK_RANKS, type RiskRank, riskRankOf } from './next-deadline.js';
export {
  DEFAULT_ASSUMPTIONS,
  policyInForce,
  TIMELINE_POLICIES,
  type TimelineAssumptions,
  type TimelinePolicy,
} from './policy.js';
