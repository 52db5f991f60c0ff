import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/common';
import type { AccountActivity, HoldFact, Timeline } from './account-activity.js';
import { calculateTimeline } from './calculate-timeline.js';
import type { CalendarDate } from './calendar-date.js';
import type { TimelineAssumptions } from './policy.js';
import { TimelineRepository } from './timeline.repository.js';

/** What the store knows about one account. `activity` is null when nobody reported it. */
export interface AccountFacts {
  accountEmail: string;
  activity: AccountActivity | null;
  reportedAt: Date | null;
  holds: (HoldFact & { caseId: string })[];
}

/** Loads accounts' facts and holds, and runs the calculator over them with the configured assumptions. */
@Injectable()
export class TimelineReader {
  constructor(
    private readonly config: AppConfig,
    private readonly store: TimelineRepository,
  ) {}

  get assumptions(): TimelineAssumptions {
    return {
      mailFilesDeletionGraceDays: this.config.MAIL_FILES_DELETION_GRACE_DAYS,
      inactivityDeletionGraceDays: this.config.INACTIVITY_DELETION_GRACE_DAYS,
    };
  }

  /**
   * Every account asked for, known or not, keyed by its lower-case address. The holds come only with
   * what reads them: an unreported account has no timeline, so none of its holds are loaded; with
   * `onlyCase` (a family's view), only that case's. So a request never reads every other case's hold
   * on a busy account.
   */
  async load(manager: EntityManager, emails: readonly string[], onlyCase?: string): Promise<Map<string, AccountFacts>> {
    const keys = [...new Set(emails.map((email) => email.toLowerCase()))];
    const accounts = new Map<string, AccountFacts>(
      keys.map((accountEmail) => [accountEmail, { accountEmail, activity: null, reportedAt: null, holds: [] }]),
    );
    if (keys.length === 0) return accounts;
    const [activities, holds] = await Promise.all([
      this.store.activities(manager, keys),
      this.store.holdsOn(manager, keys, onlyCase),
    ]);
    for (const row of activities) {
      const account = accounts.get(row.account_email);
      if (account) Object.assign(account, { activity: row.facts, reportedAt: row.reported_at });
    }
    for (const row of holds) {
      accounts.get(row.account_email)?.holds.push({
        caseId: row.case_id,
        caseReference: row.case_reference,
        since: row.placed_at.toISOString(),
        releasedAt: row.released_at?.toISOString() ?? null,
      });
    }
    return accounts;
  }

  /**
   * The timeline on `asOf`, or null for an account nobody reported. With `onlyCase`, only that
   * case's holds count: a family must not learn from the dates that another case holds the account.
   */
  timeline(account: AccountFacts, asOf: CalendarDate, onlyCase?: string): Timeline | null {
    if (account.activity === null) return null;
    const holds = onlyCase === undefined ? account.holds : account.holds.filter((hold) => hold.caseId === onlyCase);
    return calculateTimeline(account.activity, holds, asOf, this.assumptions);
  }
}
