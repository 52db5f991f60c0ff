export * from './account-activity.js';
export { type CalendarDate, calendarDateOf, daysBetween, plusDays, plusYears } from './calendar-date.js';
export { activityExceptions, calculateTimeline } from './calculate-timeline.js';
export {
  type DeadlineSummary,
  deadlineSummary,
  type NextDeadline,
  nextDeadline,
  type RiskKey,
  riskKeyOf,
  summaryOfRiskKey,
} from './next-deadline.js';
export {
  DEFAULT_ASSUMPTIONS,
  policyInForce,
  TIMELINE_POLICIES,
  type TimelineAssumptions,
  type TimelinePolicy,
} from './policy.js';
export { activityProblems } from './activity-problems.js';
export { AccountActivityService } from './account-activity.service.js';
export { DeadlineRefresher } from './deadline-refresher.service.js';
export { DeadlineCopies, type DeadlineCopy, type DeadlineCopyChange } from './deadline-copies.port.js';
export { type HoldActor, HoldsService, type HoldTarget, type ReleasedHold } from './holds.service.js';
export { type AccountClock, TimelineReader } from './timeline-reader.service.js';
export { TimelineModule } from './timeline.module.js';
export {
  AccountActivityDto,
  AccountEmailParam,
  MinorAccountDto,
  MoneyDto,
  PurchaseDto,
  SubscriptionDto,
  TimelineQueryDto,
} from './dto/account-activity.dto.js';
export { HoldsQueryDto } from './dto/holds-query.dto.js';
export {
  DeadlineSummaryView,
  HOLD_RELEASE_REASONS,
  type HoldReleaseReason,
  HoldsPageView,
  HoldView,
  TimelineEventView,
  TimelineHoldView,
  TimelineView,
} from './views/timeline.views.js';
