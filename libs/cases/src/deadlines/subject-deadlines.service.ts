import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig, Clock, type DocumentType } from '@app/common';
import type { DocumentEntity } from '@app/documents';
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

/** The documents that prove the death (or the incapacity: a court order) of the holder. */
const DEATH_OR_INCAPACITY_PROOFS: ReadonlySet<DocumentType> = new Set([
  'DEATH_CERTIFICATE',
  'SOCIAL_ID_DEREGISTRATION',
  'OFFICIAL_DEATH_PROOF',
  'COURT_ORDER',
]);

/**
 * domain.md §3 "Who may see the dates": the family sees the account's own dates only once a
 * reviewer has accepted the proof of death (or incapacity) and the requester's identity.
 */
export function familyMaySeeDates(documents: readonly DocumentEntity[]): boolean {
  const accepted = documents.filter((document) => document.verification === 'ACCEPTED');
  return (
    accepted.some((document) => DEATH_OR_INCAPACITY_PROOFS.has(document.type)) &&
    accepted.some((document) => document.type === 'REQUESTER_ID')
  );
}

/** The subject's account deadlines, as each audience of a case may see them. */
@Injectable()
export class SubjectDeadlines {
  constructor(
    private readonly reader: TimelineReader,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Until the family may see the dates (`documents` are the case's), the view has the same shape
   * for a reported and an unreported account: no dates, only the rules and this request's hold.
   */
  async forFamily(
    manager: EntityManager,
    entity: CaseEntity,
    documents: readonly DocumentEntity[],
  ): Promise<FamilyDeadlinesView> {
    const today = calendarDateOf(this.clock.now());
    const account = await this.account(manager, entity, entity.id);
    const datesShown = familyMaySeeDates(documents);
    const timeline = datesShown ? this.reader.timeline(account, today, entity.id) : null;
    const hold = account.holds.find((candidate) => candidate.caseId === entity.id && candidate.releasedAt === null);
    return {
      datesShown,
      known: timeline !== null,
      asOf: today,
      next: deadlineSummary(timeline, today),
      events: (timeline?.events ?? []).map((event) => ({
        kind: event.kind,
        date: event.date,
        state: event.state,
        heldByYourRequest: event.stoppedBy.includes('LEGAL_HOLD'),
      })),
      hold: hold ? this.yourHold(entity, hold.since) : null,
      uncertaintyDays: timeline?.uncertaintyDays ?? 0,
    };
  }

  /** When this request's hold lapses: unconfirmed, within UNCONFIRMED_HOLD_DAYS; without documents, HOLD_LAPSE_DAYS. */
  private yourHold(entity: CaseEntity, since: string): FamilyDeadlinesView['hold'] {
    const placed = calendarDateOf(since);
    const unconfirmed = this.config.REQUIRE_EMAIL_VERIFICATION && entity.requesterEmailVerifiedAt === null;
    const lapses = [
      unconfirmed ? plusDays(placed, this.config.UNCONFIRMED_HOLD_DAYS) : null,
      entity.documentCount === 0 ? plusDays(placed, this.config.HOLD_LAPSE_DAYS) : null,
    ].filter((day): day is string => day !== null);
    return { since, lapsesOn: lapses.sort()[0] ?? null, untilEmailConfirmed: unconfirmed };
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
