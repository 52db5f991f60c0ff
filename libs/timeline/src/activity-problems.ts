import type { AccountActivity } from './account-activity.js';
import type { CalendarDate } from './calendar-date.js';

export interface ActivityProblem {
  field: string;
  message: string;
}

/**
 * What a single field cannot say about itself: no fact from the future, no subscription ending
 * before it began, no block or closure by the holder before the last sign-in (a blocked holder
 * cannot sign in; a holder who signs in after closing reopens the account).
 */
export function activityProblems(activity: AccountActivity, today: CalendarDate): ActivityProblem[] {
  const problems: ActivityProblem[] = [];
  const notFuture = (field: string, date: CalendarDate | null): void => {
    if (date !== null && date > today) problems.push({ field, message: 'must not be after today' });
  };
  notFuture('lastSignInAt', activity.lastSignInAt);
  notFuture('blockedSince', activity.blockedSince);
  notFuture('closedByHolderAt', activity.closedByHolderAt);
  for (const [field, date] of [
    ['blockedSince', activity.blockedSince],
    ['closedByHolderAt', activity.closedByHolderAt],
  ] as const) {
    if (date !== null && date < activity.lastSignInAt) {
      problems.push({ field, message: 'must not be before lastSignInAt' });
    }
  }
  activity.purchases.forEach((purchase, index) => notFuture(`purchases.${index}.at`, purchase.at));
  activity.subscriptions.forEach((subscription, index) => {
    notFuture(`subscriptions.${index}.startedAt`, subscription.startedAt);
    if (subscription.endedAt !== null && subscription.endedAt < subscription.startedAt) {
      problems.push({ field: `subscriptions.${index}.endedAt`, message: 'must not be before startedAt' });
    }
  });
  return problems;
}
