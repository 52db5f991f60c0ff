import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainException } from '@app/common';
import { activityProblems } from './activity-problems.js';
import { type CalendarDate, calendarDateOf } from './calendar-date.js';
import { DeadlineRefresher } from './deadline-refresher.service.js';
import { type AccountActivityDto, toAccountActivity } from './dto/account-activity.dto.js';
import { deadlineSummary } from './next-deadline.js';
import { TimelineReader } from './timeline-reader.service.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineView } from './views/timeline.views.js';

/** The account platform reports activity; reviewers and the platform read the timeline it gives. */
@Injectable()
export class AccountActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TimelineRepository,
    private readonly reader: TimelineReader,
    private readonly deadlines: DeadlineRefresher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Replaces the account's facts; its cases' deadlines follow in the same transaction. */
  async report(
    accountEmail: string,
    dto: AccountActivityDto,
    actor: { actorType: 'user' | 'api-key'; actorId: string },
  ): Promise<TimelineView> {
    const now = this.clock.now();
    const activity = toAccountActivity(dto);
    const problems = activityProblems(activity, calendarDateOf(now));
    if (problems.length > 0) throw DomainException.invalid(problems);
    await this.dataSource.transaction(async (manager) => {
      await this.store.saveActivity(manager, accountEmail, activity, now);
      await this.audit.append(manager, {
        at: now.toISOString(),
        ...actor,
        action: 'account.activity_reported',
        caseId: null,
        // The address is personal data: the trail names the account by its hash.
        details: { account: accountKey(accountEmail) },
      });
      this.deadlines.refreshAfterCommit(manager, [accountEmail]);
    });
    return this.timeline(accountEmail);
  }

  async timeline(accountEmail: string, asOf?: CalendarDate): Promise<TimelineView> {
    const day = asOf ?? calendarDateOf(this.clock.now());
    const account = (await this.reader.load(this.dataSource.manager, [accountEmail])).get(accountEmail);
    const timeline = account && this.reader.timeline(account, day);
    if (!account?.reportedAt || !timeline) {
      throw new DomainException(
        'NOT_FOUND',
        'No activity has been reported for this account: its timeline is unknown.',
      );
    }
    return TimelineView.from(accountEmail, timeline, account.reportedAt, deadlineSummary(timeline, day));
  }
}

export function accountKey(accountEmail: string): string {
  return createHash('sha256').update(accountEmail.toLowerCase()).digest('hex');
}
