import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Clock, DomainException } from '@app/common';
import { checklistInForce, resolveJurisdiction } from '@app/checklists';
import { DocumentCipher, DocumentsRepository } from '@app/documents';
import { generateAccessToken } from '@app/identity';
import { confirmationCodeMatches, OutboxService } from '@app/notifications';
import { CaseEntity } from './case.entity.js';
import { evaluateCaseChecklist } from './case-checklist.js';
import { formatReference } from './case-lifecycle.js';
import { CasesRepository } from './cases.repository.js';
import { CaseDeadlinesRepository } from './deadlines/case-deadlines.repository.js';
import type { EmailConfirmedView } from './dto/confirm-email.dto.js';
import type { Channel, CreateRequestDto } from './dto/create-request.dto.js';
import type { RequesterCase } from './requester-access.service.js';
import { SubjectDeadlines } from './deadlines/subject-deadlines.service.js';
import { CasePreservation } from './deadlines/case-preservation.service.js';
import { CaseTransitions, type TransitionActor } from './state-machine/case-transitions.service.js';
import { slaTimers, slaPolicyOf } from './sla/sla-timers.js';
import { RequestCreatedView, RequestStatusView } from './views/request.views.js';

/**
 * The family's side of a case: submit, look, confirm the address, appeal, withdraw (documents:
 * CaseDocumentsService). Access is checked by the guard; every change of state goes through
 * CaseTransitions.
 */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsRepository,
    private readonly deadlineCopies: CaseDeadlinesRepository,
    private readonly transitions: CaseTransitions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly preservation: CasePreservation,
    private readonly subjectDeadlines: SubjectDeadlines,
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
    const sequence = await this.cases.nextReferenceNumber();
    const jurisdiction = resolveJurisdiction(dto.subject.countryOfResidence);
    const created = Object.assign(new CaseEntity(), {
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
      requesterEmailVerifiedAt: null,
      documentCount: 0,
      version: 1,
      assigneeId: null,
      firstApproverId: null,
      deciderIds: [],
      decisionOutcome: null,
      decisionReasonCode: null,
      decisionReason: null,
      decidedAt: null,
      deficiencyNotice: null,
      escalatedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Omit<CaseEntity, 'id'>);
    // The case, its first history entry, its deadline copy, the audit entry and the hold commit together.
    await this.dataSource.transaction(async (manager) => {
      await this.cases.insert(manager, created);
      await this.deadlineCopies.track(manager, created.id, created.createdAt);
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
    const deadlines = await this.subjectDeadlines.forFamily(this.dataSource.manager, created, []);
    return RequestCreatedView.from(created, token, evaluateCaseChecklist(created, []), deadlines);
  }

  async status(requester: RequesterCase): Promise<RequestStatusView> {
    const entity = await this.cases.findById(requester.caseId);
    if (!entity) throw new DomainException('NOT_FOUND', 'There is no request with this reference.');
    const [documents, history] = await Promise.all([
      this.documents.listForCase(entity.id),
      this.cases.history(entity.id),
    ]);
    const sla = slaTimers(history, this.clock.now(), slaPolicyOf(this.config));
    const deadlines = await this.subjectDeadlines.forFamily(this.dataSource.manager, entity, documents);
    return RequestStatusView.from(entity, documents, history, evaluateCaseChecklist(entity, documents), sla, deadlines);
  }

  /**
   * The requester confirms their address with the code we e-mailed. A wrong code is answered like an
   * unknown reference. If every document is there already, the case goes to review now.
   */
  async confirmEmail(reference: string, code: string): Promise<EmailConfirmedView> {
    return this.dataSource.transaction(async (manager) => {
      const known = await this.cases.idOf(reference);
      const found = known === undefined ? null : await this.cases.lockForChange(manager, known);
      if (!found || !confirmationCodeMatches(this.cipher, found.id, code)) {
        throw new DomainException('NOT_FOUND', 'There is no request with this reference and confirmation code.');
      }
      if (found.requesterEmailVerifiedAt !== null) return { reference, state: found.state, emailConfirmed: true };
      const now = this.clock.now();
      await this.audit.append(manager, {
        at: now.toISOString(),
        ...REQUESTER,
        action: 'requester.email_confirmed',
        caseId: found.id,
        details: {},
      });
      const { case: confirmed } = await this.transitions.apply(manager, {
        caseId: found.id,
        action: 'confirm-email',
        actor: FAMILY,
        changes: { requesterEmailVerifiedAt: now },
      });
      if (!FINAL_HOLDLESS.has(confirmed.state)) await this.preservation.emailConfirmed(manager, confirmed, now);
      return { reference, state: confirmed.state, emailConfirmed: true };
    });
  }

  /** Within 30 days of a rejection the family may appeal; someone else then reviews the case. */
  async appeal(requester: RequesterCase, statement: string): Promise<RequestStatusView> {
    await this.familyAction(requester, 'appeal', statement);
    return this.status(requester);
  }

  async withdraw(requester: RequesterCase): Promise<RequestStatusView> {
    await this.familyAction(requester, 'withdraw');
    return this.status(requester);
  }

  private async familyAction(requester: RequesterCase, action: 'appeal' | 'withdraw', note?: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.transitions.apply(manager, { caseId: requester.caseId, action, actor: FAMILY, input: { note } }),
    );
  }
}

export interface OnBehalf {
  keyId: string;
  channel: Channel;
  agentReference: string;
}

/** The states whose hold is gone for good: confirming the address later does not bring it back. */
const FINAL_HOLDLESS: ReadonlySet<string> = new Set(['WITHDRAWN', 'EXPIRED', 'CLOSED', 'REJECTED']);

const REQUESTER = { actorType: 'requester' as const, actorId: null };
const FAMILY: TransitionActor = { id: 'requester', role: 'requester', audit: REQUESTER };

/** A family writes the date where they live: up to UTC+14, already tomorrow in UTC terms. */
function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
