export { type Timeline } from './account-activity.js';
export { calendarDateOf, daysBetween, plusDays } from './calendar-date.js';
export { deadlineSummary, nextDeadline, summaryOfRiskKey } from './next-deadline.js';
export { AccountActivityService } from './account-activity.service.js';
export { DeadlineRefresher } from './deadline-refresher.service.js';
export { DeadlineCopies, type DeadlineCopy, type DeadlineCopyChange } from './deadline-copies.port.js';
export { type HoldActor, HoldsService } from './holds.service.js';
export { type AccountFacts, TimelineReader } from './timeline-reader.service.js';
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
  type HoldReleaseReason,
  HoldsPageView,
  HoldView,
  TimelineEventView,
  TimelineHoldView,
  TimelineView,
} from './views/timeline.views.js';
