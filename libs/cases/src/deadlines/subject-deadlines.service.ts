import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import {
  type AccountFacts,
  calendarDateOf,
  deadlineSummary,
  plusDays,
  TimelineReader,
  TimelineView,
} from '@app/timeline';
import type { CaseEntity } from '../case.entity.js';
import type { StaffDeadlinesView, FamilyDeadlinesView } from './subject-deadlines.views.js';

/** The subject's account deadlines, as each audience of a case may see them. */
@Injectable()
export class SubjectDeadlines {
  constructor(
    private readonly reader: TimelineReader,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async forFamily(manager: EntityManager, entity: CaseEntity): Promise<FamilyDeadlinesView> {
    const today = calendarDateOf(this.clock.now());
    const account = await this.account(manager, entity, entity.id);
    const timeline = this.reader.timeline(account, today, entity.id);
    const hold = account.holds.find((candidate) => candidate.caseId === entity.id && candidate.releasedAt === null);
    return {
      known: timeline !== null,
      asOf: today,
      next: deadlineSummary(timeline, today),
      events: (timeline?.events ?? []).map((event) => ({
        kind: event.kind,
        date: event.date,
        state: event.state,
        heldByYourRequest: event.stoppedBy.includes('LEGAL_HOLD'),
      })),
      hold: hold
        ? {
            since: hold.since,
            lapsesOn:
              entity.documentCount === 0 ? plusDays(calendarDateOf(hold.since), this.config.HOLD_LAPSE_DAYS) : null,
          }
        : null,
      uncertaintyDays: timeline?.uncertaintyDays ?? 0,
    };
  }

  async forStaff(manager: EntityManager, entity: CaseEntity): Promise<StaffDeadlinesView> {
    const today = calendarDateOf(this.clock.now());
    const account = await this.account(manager, entity);
    const timeline = this.reader.timeline(account, today);
    return {
      deadline: deadlineSummary(timeline, today),
      escalatedAt: entity.escalatedAt?.toISOString() ?? null,
      timeline:
        timeline && account.reportedAt
          ? TimelineView.from(account.accountEmail, timeline, account.reportedAt, deadlineSummary(timeline, today))
          : null,
    };
  }

  private async account(manager: EntityManager, entity: CaseEntity, onlyCase?: string): Promise<AccountFacts> {
    const accounts = await this.reader.load(manager, [entity.subjectAccountEmail], onlyCase);
    const account = accounts.get(entity.subjectAccountEmail.toLowerCase());
    if (!account) throw new Error('TimelineReader.load answers for every address it is given');
    return account;
  }
}
