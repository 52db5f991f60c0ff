import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '@app/audit';
import { AppConfig, type CaseState, Clock, DomainException, type ErrorCode, type RequestType } from '@app/common';
import { checklistInForce } from '@app/checklists';
import { DocumentEntity, DocumentsService, readable } from '@app/documents';
import { OutboxService } from '@app/notifications';
import type { SessionUser } from '@app/identity';
import { type CaseChecklist, evaluateCaseChecklist, intakeStateAfterDocuments } from '../case-checklist.js';
import { CaseEntity } from '../case.entity.js';
import {
  APPEAL_WINDOW_DAYS,
  ASKS_FOR_DATA,
  FINAL_STATES,
  emailConfirmed,
  WAITING_FOR_FAMILY,
} from '../case-lifecycle.js';
import { CaseStateChangeEntity } from '../case-state-change.entity.js';
import { CaseClockService } from '../deadlines/case-clock.service.js';
import { CasePreservation } from '../deadlines/case-preservation.service.js';
import { slaClocks, slaPolicyOf } from '../sla/sla-clocks.js';
import { actionOptions } from '../state-machine/action-options.js';
import {
  type Actor,
  type CaseAction,
  type CaseEvent,
  type CaseSnapshot,
  transition,
  type TransitionContext,
} from '../state-machine/case-state-machine.js';
import type { CaseActionDto, JurisdictionChangeDto, ReviewerAction, VerificationDto } from './case-action.dto.js';
import { AuditTrailView } from './audit-trail.view.js';
import { CaseDetailView } from './case-detail.view.js';

interface NoteRow {
  id: string;
  author_id: string;
  body: string;
  created_at: Date;
}

interface LinkedRow {
  reference: string;
  state: CaseState;
  request_type: RequestType;
}

type MachineContext = Omit<TransitionContext, 'reasonCode' | 'note' | 'assigneeId' | 'override' | 'checklist'> & {
  checklist: CaseChecklist;
};

export interface OpenedDocument {
  content: Readable;
  mediaType: string;
  fileName: string;
  size: number;
}

/**
 * Legal review of a case: reading it, acting on it through the state machine, verifying documents.
 * Every change checks the version the reviewer saw (UPDATE … WHERE version = …), and commits with
 * its audit entries.
 */
@Injectable()
export class CaseReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
    private readonly preservation: CasePreservation,
    private readonly caseClock: CaseClockService,
    private readonly outbox: OutboxService,
  ) {}

  /** The case; a back-office viewer also gets the actions open to them (an API key, none). */
  async detail(reference: string, viewer: SessionUser | null): Promise<CaseDetailView> {
    return this.load(this.dataSource.manager, reference, viewer);
  }

  async act(
    reference: string,
    action: ReviewerAction,
    body: CaseActionDto,
    user: SessionUser,
  ): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.find(manager, reference);
      if (entity.version !== body.version) throw stale(entity.version);
      await this.transitionCase(manager, entity, action, { id: user.userId, role: user.role }, body);
    });
    return this.detail(reference, user);
  }

  /** The family appeals a rejection (within the appeal window), with a statement. */
  async appeal(caseId: string, statement: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOneByOrFail(CaseEntity, { id: caseId });
      await this.transitionCase(manager, entity, 'appeal', { id: 'requester', role: 'requester' }, { note: statement });
    });
  }

  /** Runs the state machine on the case and stores what it decided, with its audit entries. */
  private async transitionCase(
    manager: EntityManager,
    entity: CaseEntity,
    action: CaseAction,
    actor: Actor,
    body: Omit<CaseActionDto, 'version'>,
  ): Promise<void> {
    const documents = await manager.find(DocumentEntity, { where: { caseId: entity.id } });
    const { snapshot, context } = await this.machineInputs(
      manager,
      entity,
      documents,
      await this.history(manager, entity.id),
    );
    const { now } = context;
    const result = transition(snapshot, action, actor, {
      ...context,
      reasonCode: body.reasonCode,
      note: body.note,
      assigneeId: body.assigneeId,
      override: body.override,
    });
    if (!result.ok) throw new DomainException(result.code satisfies ErrorCode, result.message);
    await this.save(manager, apply(entity, result.state, result.events, now), entity.version, now);
    const auditActor =
      actor.role === 'requester'
        ? { actorType: 'requester' as const, actorId: null }
        : actor.role === 'system'
          ? { actorType: 'system' as const, actorId: actor.id }
          : { actorType: 'user' as const, actorId: actor.id };
    for (const event of result.events)
      await this.audit.append(manager, { ...auditOf(event, entity.id, now), ...auditActor });
    await this.outbox.add(
      manager,
      result.events.flatMap((event) =>
        event.type === 'DECIDED'
          ? [
              {
                type: 'case.decided' as const,
                caseId: entity.id,
                occurredAt: now,
                payload: { outcome: event.outcome, reasonCode: event.reasonCode },
              },
            ]
          : [],
      ),
    );
    if (result.state !== entity.state) {
      await this.preservation.stateChanged(manager, entity.id, result.state, now, auditActor);
    }
  }

  /** What the state machine judges a case by, apart from what the acting user types. */
  private async machineInputs(
    manager: EntityManager,
    entity: CaseEntity,
    documents: DocumentEntity[],
    history: CaseStateChangeEntity[],
  ): Promise<{ snapshot: CaseSnapshot; context: MachineContext }> {
    return {
      snapshot: {
        state: entity.state,
        requestType: entity.requestType,
        assigneeId: entity.assigneeId,
        firstApproverId: entity.firstApproverId,
        deciderIds: entity.deciderIds,
        rejectedAt: entity.decisionOutcome === 'REJECTED' ? entity.decidedAt : null,
        waitingForFamilySince: WAITING_FOR_FAMILY.has(entity.state) ? lastFamilyActivity(history, documents) : null,
      },
      context: {
        now: this.clock.now(),
        checklist: evaluateCaseChecklist(entity, documents),
        openDataRequestsOnAccount: await this.openDataRequests(manager, entity),
        policy: { appealWindowDays: APPEAL_WINDOW_DAYS, expiryDays: this.config.CASE_EXPIRY_DAYS },
      },
    };
  }

  async verifyDocument(
    reference: string,
    documentId: string,
    body: VerificationDto,
    user: SessionUser,
  ): Promise<CaseDetailView> {
    const reason = body.reason?.trim() ?? '';
    if (body.result === 'REJECTED' && !reason) {
      throw new DomainException('REASON_REQUIRED', 'A rejected document needs a reason the family can act on.');
    }
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.find(manager, reference);
      if (FINAL_STATES.has(entity.state)) {
        throw new DomainException(
          'NOT_ALLOWED_IN_STATE',
          'The documents of a finished case are not verified any more.',
        );
      }
      if (body.result === 'ACCEPTED') {
        const found = await manager.findOneBy(DocumentEntity, { id: documentId, caseId: entity.id });
        if (found) assertReadable(found); // nobody accepts what nobody could look at
      }
      const now = this.clock.now();
      const [updated] = await manager.query<[{ id: string }?]>(
        `WITH verified AS (
           UPDATE documents SET verification = $3, rejection_reason = $4 WHERE id = $1 AND case_id = $2 RETURNING id
         ) SELECT id FROM verified`,
        [documentId, entity.id, body.result, body.result === 'REJECTED' ? reason : null],
      );
      if (!updated) throw new DomainException('NOT_FOUND', 'This case has no such document.');
      const documents = await manager.find(DocumentEntity, { where: { caseId: entity.id } });
      const next = intakeStateAfterDocuments(entity, documents, this.confirmed(entity));
      await this.save(manager, Object.assign(new CaseEntity(), entity, { state: next }), entity.version, now);
      const record = { at: now.toISOString(), actorType: 'user' as const, actorId: user.userId, caseId: entity.id };
      await this.audit.append(manager, {
        ...record,
        action: 'document.verified',
        details: { documentId, result: body.result },
      });
      await this.outbox.add(manager, [
        { type: 'document.verified', caseId: entity.id, occurredAt: now, payload: { documentId, result: body.result } },
      ]);
      if (next !== entity.state) {
        await this.audit.append(manager, {
          ...record,
          action: 'case.state_changed',
          details: { from: entity.state, to: next },
        });
      }
    });
    return this.detail(reference, user);
  }

  /** An internal note on the case; the family never sees it. */
  async addNote(reference: string, body: string, user: SessionUser): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.find(manager, reference);
      await this.recordNote(manager, entity.id, body, user);
    });
    return this.detail(reference, user);
  }

  /**
   * A reviewer corrects the jurisdiction, with a reason (kept as a note). The case is re-pinned to
   * that jurisdiction's checklist in force on the day it was submitted, and its documents re-judged.
   */
  async changeJurisdiction(reference: string, body: JurisdictionChangeDto, user: SessionUser): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.find(manager, reference);
      if (entity.version !== body.version) throw stale(entity.version);
      if (FINAL_STATES.has(entity.state)) {
        throw new DomainException('NOT_ALLOWED_IN_STATE', 'The jurisdiction of a finished case does not change.');
      }
      if (entity.jurisdiction === body.jurisdiction) {
        throw DomainException.invalid([{ field: 'jurisdiction', message: `the case is already ${body.jurisdiction}` }]);
      }
      const now = this.clock.now();
      const pinned = checklistInForce(
        body.jurisdiction,
        entity.requestType,
        entity.createdAt.toISOString().slice(0, 10),
      );
      const moved = Object.assign(new CaseEntity(), entity, {
        jurisdiction: body.jurisdiction,
        checklistVersion: pinned.version,
      });
      const documents = await manager.find(DocumentEntity, { where: { caseId: entity.id } });
      moved.state = intakeStateAfterDocuments(moved, documents, this.confirmed(entity));
      await manager.query('UPDATE cases SET jurisdiction = $2, checklist_version = $3 WHERE id = $1', [
        entity.id,
        moved.jurisdiction,
        moved.checklistVersion,
      ]);
      await this.save(manager, moved, body.version, now);
      await this.recordNote(
        manager,
        entity.id,
        `Jurisdiction changed from ${entity.jurisdiction} to ${body.jurisdiction}: ${body.reason}`,
        user,
      );
      const record = { at: now.toISOString(), actorType: 'user' as const, actorId: user.userId, caseId: entity.id };
      await this.audit.append(manager, {
        ...record,
        action: 'case.jurisdiction_changed',
        details: { from: entity.jurisdiction, to: body.jurisdiction, checklistVersion: pinned.version },
      });
      if (moved.state !== entity.state) {
        await this.audit.append(manager, {
          ...record,
          action: 'case.state_changed',
          details: { from: entity.state, to: moved.state },
        });
      }
    });
    return this.detail(reference, user);
  }

  private async recordNote(manager: EntityManager, caseId: string, body: string, user: SessionUser): Promise<void> {
    const id = randomUUID();
    const now = this.clock.now();
    await manager.query(
      'INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)',
      [id, caseId, user.userId, body.trim(), now],
    );
    await this.audit.append(manager, {
      at: now.toISOString(),
      actorType: 'user',
      actorId: user.userId,
      action: 'case.note_added',
      caseId,
      details: { noteId: id },
    });
  }

  /**
   * Expires the cases that waited for the family longer than CASE_EXPIRY_DAYS without any answer.
   * Each in its own transaction, through the state machine; safe to run on every instance.
   */
  async expireOverdue(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.CASE_EXPIRY_DAYS * 86_400_000);
    const candidates = await this.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM cases c
       WHERE c.state = ANY($2::text[])
         AND c.updated_at <= $1
         AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id AND d.created_at > $1)`,
      [cutoff, [...WAITING_FOR_FAMILY]],
    );
    let expired = 0;
    for (const { id } of candidates) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const entity = await manager.findOneByOrFail(CaseEntity, { id });
          await this.transitionCase(manager, entity, 'expire', { id: 'expiry', role: 'system' }, {});
        });
        expired++;
      } catch (error) {
        // Another instance got there first, or the family answered meanwhile: nothing to do.
        if (!(error instanceof DomainException)) throw error;
      }
    }
    return expired;
  }

  /** The case's part of the audit trail, oldest first (api.md: GET /cases/{reference}/audit). */
  async auditTrail(reference: string): Promise<AuditTrailView> {
    const entity = await this.find(this.dataSource.manager, reference);
    return AuditTrailView.from(reference, await this.audit.forCase(entity.id));
  }

  /** A document's decrypted content for a reviewer. The read is audited before a byte leaves. */
  async openDocument(
    reference: string,
    documentId: string,
    reader: { actorType: 'user' | 'api-key'; actorId: string },
  ): Promise<OpenedDocument> {
    const document = await this.dataSource.transaction(async (manager) => {
      const entity = await this.find(manager, reference);
      const found = await manager.findOneBy(DocumentEntity, { id: documentId, caseId: entity.id });
      if (!found) throw new DomainException('NOT_FOUND', 'This case has no such document.');
      assertReadable(found);
      await this.audit.append(manager, {
        at: this.clock.now().toISOString(),
        ...reader,
        action: 'document.read',
        caseId: entity.id,
        details: { documentId },
      });
      return found;
    });
    return {
      content: this.documents.openContent(document),
      mediaType: document.mediaType,
      fileName: document.fileName,
      size: document.size,
    };
  }

  private async load(manager: EntityManager, reference: string, viewer: SessionUser | null): Promise<CaseDetailView> {
    const entity = await this.find(manager, reference);
    const [documents, history] = await Promise.all([
      manager.find(DocumentEntity, { where: { caseId: entity.id }, order: { createdAt: 'ASC' } }),
      this.history(manager, entity.id),
    ]);
    const sla = slaClocks(history, this.clock.now(), slaPolicyOf(this.config));
    const [notes, linked, clock] = await Promise.all([
      manager.query<NoteRow[]>(
        'SELECT id, author_id, body, created_at FROM case_notes WHERE case_id = $1 ORDER BY created_at, id',
        [entity.id],
      ),
      manager.query<LinkedRow[]>(
        `SELECT reference, state, request_type FROM cases
         WHERE lower(subject_account_email) = lower($1) AND id <> $2 ORDER BY created_at`,
        [entity.subjectAccountEmail, entity.id],
      ),
      this.caseClock.forStaff(manager, entity),
    ]);
    const { snapshot, context } = await this.machineInputs(manager, entity, documents, history);
    return CaseDetailView.from(
      entity,
      documents,
      history,
      context.checklist,
      sla,
      {
        notes: notes.map((n) => ({
          id: n.id,
          authorId: n.author_id,
          body: n.body,
          createdAt: n.created_at.toISOString(),
        })),
        linkedCases: linked.map((l) => ({ reference: l.reference, state: l.state, requestType: l.request_type })),
        actions: viewer ? actionOptions(snapshot, { id: viewer.userId, role: viewer.role }, context) : [],
      },
      clock,
    );
  }

  private async find(manager: EntityManager, reference: string): Promise<CaseEntity> {
    const entity = await manager.findOneBy(CaseEntity, { reference });
    if (!entity) throw new DomainException('NOT_FOUND', `There is no case ${reference}.`);
    return entity;
  }

  private history(manager: EntityManager, caseId: string): Promise<CaseStateChangeEntity[]> {
    return manager.find(CaseStateChangeEntity, { where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
  }

  private confirmed(entity: CaseEntity): boolean {
    return emailConfirmed(this.config.REQUIRE_EMAIL_VERIFICATION, entity.requesterEmailVerifiedAt);
  }

  /** Other open cases on the same account that ask to see or keep its data. */
  private async openDataRequests(manager: EntityManager, entity: CaseEntity): Promise<number> {
    const [{ n }] = await manager.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM cases
       WHERE lower(subject_account_email) = lower($1) AND id <> $2
         AND request_type = ANY($3::text[]) AND state <> ALL($4::text[])`,
      [entity.subjectAccountEmail, entity.id, [...ASKS_FOR_DATA], [...FINAL_STATES, 'REJECTED']],
    );
    return n;
  }

  /** Writes the case only if nobody changed it since `seenVersion`. */
  private async save(manager: EntityManager, entity: CaseEntity, seenVersion: number, now: Date): Promise<void> {
    const [saved] = await manager.query<[{ version: number }?]>(
      `WITH saved AS (
         UPDATE cases SET state = $3, assignee_id = $4, first_approver_id = $5, decider_ids = $6,
           decision_outcome = $7, decision_reason_code = $8, decision_reason = $9, decided_at = $10,
           deficiency_notice = $12, version = version + 1, updated_at = $11
         WHERE id = $1 AND version = $2 RETURNING version
       ) SELECT version FROM saved`,
      [
        entity.id,
        seenVersion,
        entity.state,
        entity.assigneeId,
        entity.firstApproverId,
        entity.deciderIds,
        entity.decisionOutcome,
        entity.decisionReasonCode,
        entity.decisionReason,
        entity.decidedAt,
        now,
        entity.deficiencyNotice === null ? null : JSON.stringify(entity.deficiencyNotice),
      ],
    );
    if (!saved) throw stale(seenVersion);
  }
}

/** When the family last did something: entered the waiting state, or sent a document. */
function lastFamilyActivity(
  history: readonly CaseStateChangeEntity[],
  documents: readonly DocumentEntity[],
): Date | null {
  const times = [...history.slice(-1), ...documents].map((item) => ('at' in item ? item.at : item.createdAt).getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** A reviewer reads a document only once it is scanned clean (or was stored with scanning off). */
function assertReadable(document: DocumentEntity): void {
  if (document.scanStatus === 'PENDING') {
    throw new DomainException(
      'DOCUMENT_NOT_SCANNED',
      'This document is still being scanned for malware; try again shortly.',
    );
  }
  if (!readable(document.scanStatus)) {
    throw new DomainException(
      'DOCUMENT_QUARANTINED',
      'This document carries malware and is quarantined; it cannot be opened.',
    );
  }
}

function stale(version: number): DomainException {
  return new DomainException(
    'STALE_VERSION',
    `The case changed since version ${version} was loaded. Reload it, check what changed, and try again.`,
  );
}

/** The case after the state machine's events. */
function apply(entity: CaseEntity, state: CaseEntity['state'], events: readonly CaseEvent[], now: Date): CaseEntity {
  const next = Object.assign(new CaseEntity(), entity, { state, deciderIds: [...entity.deciderIds] });
  for (const event of events) {
    switch (event.type) {
      case 'ASSIGNED':
        next.assigneeId = event.assigneeId;
        break;
      case 'APPROVAL_RECORDED':
        if (event.step === 1) next.firstApproverId = event.approverId;
        if (!next.deciderIds.includes(event.approverId)) next.deciderIds.push(event.approverId);
        break;
      case 'DECIDED':
        if (!next.deciderIds.includes(event.by)) next.deciderIds.push(event.by);
        next.decisionOutcome = event.outcome;
        next.decisionReasonCode = event.reasonCode;
        next.decisionReason = event.reason;
        next.decidedAt = now;
        break;
      case 'DEFICIENCY_NOTICE':
        next.deficiencyNotice = { note: event.note, items: [...event.items], at: now.toISOString() };
        break;
      case 'STATE_CHANGED':
      case 'APPEAL_LODGED':
      case 'OVERRIDE_USED':
        break;
    }
  }
  return next;
}

function auditOf(event: CaseEvent, caseId: string, now: Date): AuditRecord {
  const base = { at: now.toISOString(), actorType: 'user' as const, actorId: null, caseId };
  switch (event.type) {
    case 'STATE_CHANGED':
      return { ...base, action: 'case.state_changed', details: { from: event.from, to: event.to } };
    case 'ASSIGNED':
      return { ...base, action: 'case.assigned', details: { assigneeId: event.assigneeId } };
    case 'APPROVAL_RECORDED':
      return { ...base, action: 'case.approval_recorded', details: { step: event.step } };
    case 'DECIDED':
      return { ...base, action: 'case.decided', details: { outcome: event.outcome, reasonCode: event.reasonCode } };
    case 'DEFICIENCY_NOTICE':
      return { ...base, action: 'case.deficiency_notice', details: { items: event.items.length } };
    case 'APPEAL_LODGED':
      return { ...base, action: 'case.appealed', details: {} };
    case 'OVERRIDE_USED':
      return { ...base, action: 'case.override_used', details: { rule: event.rule } };
  }
}
