import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Clock, type CaseState, DomainException } from '@app/common';
import { checklistInForce, resolveJurisdiction } from '@app/checklists';
import { DocumentCipher, DocumentsService } from '@app/documents';
import { generateAccessToken } from '@app/identity';
import { confirmationCodeMatches, OutboxService } from '@app/notifications';
import { CaseEntity } from './case.entity.js';
import { evaluateCaseChecklist } from './case-checklist.js';
import { canWithdraw, describeState, formatReference, intakeStateAfterEvaluation } from './case-lifecycle.js';
import { CaseStateChangeEntity } from './case-state-change.entity.js';
import type { EmailConfirmedView } from './dto/confirm-email.dto.js';
import type { Channel, CreateRequestDto } from './dto/create-request.dto.js';
import type { RequesterCase } from './requester-access.service.js';
import { CaseClockService } from './deadlines/case-clock.service.js';
import { CasePreservation } from './deadlines/case-preservation.service.js';
import { CaseReviewService } from './review/case-review.service.js';
import { slaClocks, slaPolicyOf } from './sla/sla-clocks.js';
import { RequestCreatedView, RequestStatusView } from './views/request.views.js';

/** The family's side of a case: submit, look, withdraw (documents: CaseDocumentsService). Access is checked by the guard. */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly review: CaseReviewService,
    private readonly preservation: CasePreservation,
    private readonly caseClock: CaseClockService,
    private readonly outbox: OutboxService,
    private readonly cipher: DocumentCipher,
  ) {}

  /** A family's own request, or one support tooling opens on their behalf (`onBehalf`). */
  async submit(dto: CreateRequestDto, onBehalf?: OnBehalf): Promise<RequestCreatedView> {
    const now = this.clock.now();
    if (dto.subject.dateOfDeath && dto.subject.dateOfDeath > latestDateOnEarth(now)) {
      throw DomainException.invalid([{ field: 'subject.dateOfDeath', message: 'must not be in the future' }]);
    }
    const { token, hash } = generateAccessToken();
    const [{ sequence }] = await this.dataSource.query<[{ sequence: number }]>(
      `SELECT nextval('case_reference_seq')::int AS sequence`,
    );
    const jurisdiction = resolveJurisdiction(dto.subject.countryOfResidence);
    const created = this.dataSource.getRepository(CaseEntity).create({
      reference: formatReference(now, sequence),
      requestType: dto.requestType,
      state: 'AWAITING_DOCUMENTS',
      jurisdiction,
      checklistVersion: checklistInForce(jurisdiction, dto.requestType, now.toISOString().slice(0, 10)).version,
      subjectStatus: dto.subject.status,
      subjectFullName: dto.subject.fullName,
      subjectAccountEmail: dto.subject.accountEmail,
      subjectCountry: dto.subject.countryOfResidence,
      subjectDateOfDeath: dto.subject.dateOfDeath ?? null,
      requesterFullName: dto.requester.fullName,
      requesterEmail: dto.requester.email,
      requesterRelationship: dto.requester.relationship,
      requesterCountry: dto.requester.countryOfResidence,
      requesterLanguage: dto.requester.language ?? 'en',
      accessTokenHash: hash,
      channel: onBehalf?.channel ?? 'WEB',
      agentReference: onBehalf?.agentReference ?? null,
      openedByKeyId: onBehalf?.keyId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    // The case, (by trigger) its first history entry, the audit entry and the hold commit together.
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(CaseEntity, created);
      await this.audit.append(manager, {
        at: now.toISOString(),
        ...(onBehalf ? { actorType: 'api-key' as const, actorId: onBehalf.keyId } : REQUESTER),
        action: 'case.created',
        caseId: created.id,
        details: {
          reference: created.reference,
          requestType: created.requestType,
          checklistVersion: created.checklistVersion,
          channel: created.channel,
        },
      });
      await this.outbox.add(manager, [
        {
          type: 'case.created',
          caseId: created.id,
          occurredAt: now,
          payload: { requestType: created.requestType, channel: created.channel },
        },
      ]);
      await this.preservation.opened(manager, created, now);
    });
    const deadlines = await this.caseClock.forFamily(this.dataSource.manager, created);
    return RequestCreatedView.from(created, token, evaluateCaseChecklist(created, []), deadlines);
  }

  async status(requester: RequesterCase): Promise<RequestStatusView> {
    const entity = await this.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: requester.caseId });
    const [documents, history] = await Promise.all([
      this.documents.listForCase(entity.id),
      this.dataSource.getRepository(CaseStateChangeEntity).find({
        where: { caseId: entity.id },
        order: { at: 'ASC', id: 'ASC' },
      }),
    ]);
    const sla = slaClocks(history, this.clock.now(), slaPolicyOf(this.config));
    const deadlines = await this.caseClock.forFamily(this.dataSource.manager, entity);
    return RequestStatusView.from(entity, documents, history, evaluateCaseChecklist(entity, documents), sla, deadlines);
  }

  /**
   * The requester confirms their address with the code we e-mailed. A wrong code is answered like an
   * unknown reference. If every document is there already, the case goes to review now.
   */
  async confirmEmail(reference: string, code: string): Promise<EmailConfirmedView> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(CaseEntity, { where: { reference }, lock: { mode: 'pessimistic_write' } });
      if (!entity || !confirmationCodeMatches(this.cipher, entity.id, code)) {
        throw new DomainException('NOT_FOUND', 'There is no request with this reference and confirmation code.');
      }
      if (entity.requesterEmailVerifiedAt !== null) {
        return { reference, state: entity.state, emailConfirmed: true };
      }
      const now = this.clock.now();
      const documents = await this.documents.listForCase(entity.id);
      const next = intakeStateAfterEvaluation(entity.state, evaluateCaseChecklist(entity, documents).allProvided);
      await manager.query(
        `UPDATE cases SET requester_email_verified_at = $2, state = $3, version = version + 1, updated_at = $2
         WHERE id = $1`,
        [entity.id, now, next],
      );
      const record = { at: now.toISOString(), ...REQUESTER, caseId: entity.id };
      await this.audit.append(manager, { ...record, action: 'requester.email_confirmed', details: {} });
      if (next !== entity.state) {
        await this.audit.append(manager, {
          ...record,
          action: 'case.state_changed',
          details: { from: entity.state, to: next },
        });
      }
      return { reference, state: next, emailConfirmed: true };
    });
  }

  /** Within 30 days of a rejection the family may appeal; someone else then reviews the case. */
  async appeal(requester: RequesterCase, statement: string): Promise<RequestStatusView> {
    await this.review.appeal(requester.caseId, statement);
    return this.status(requester);
  }

  async withdraw(requester: RequesterCase): Promise<RequestStatusView> {
    await this.dataSource.transaction(async (manager) => {
      const { state } = await this.lockCase(manager, requester.caseId);
      if (!canWithdraw(state)) {
        throw new DomainException('CASE_NOT_OPEN', `This request is already ${describeState(state)}.`);
      }
      const now = this.clock.now();
      await manager.query(`UPDATE cases SET state = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [
        requester.caseId,
        'WITHDRAWN',
        now,
      ]);
      await this.audit.append(manager, {
        at: now.toISOString(),
        actorType: 'requester',
        actorId: null,
        action: 'case.state_changed',
        caseId: requester.caseId,
        details: { from: state, to: 'WITHDRAWN' },
      });
      await this.preservation.stateChanged(manager, requester.caseId, 'WITHDRAWN', now, {
        actorType: 'requester',
        actorId: null,
      });
    });
    return this.status(requester);
  }

  /** Serialises everything that changes one case: document limits and state checks hold under concurrency. */
  private async lockCase(manager: EntityManager, caseId: string): Promise<{ state: CaseState }> {
    const rows = await manager.query<{ state: CaseState }[]>('SELECT state FROM cases WHERE id = $1 FOR UPDATE', [
      caseId,
    ]);
    const row = rows.at(0);
    if (!row) throw new DomainException('NOT_FOUND', 'There is no request with this reference.');
    return row;
  }
}

export interface OnBehalf {
  keyId: string;
  channel: Channel;
  agentReference: string;
}

const REQUESTER = { actorType: 'requester' as const, actorId: null };

/** A family writes the date where they live: up to UTC+14, already tomorrow in UTC terms. */
function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
