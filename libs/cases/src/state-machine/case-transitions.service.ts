import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ActorType, type AuditRecord, AuditService } from '@app/audit';
import { type CaseState, DomainException, type ErrorCode } from '@app/common';
import { type DocumentEntity, DocumentsRepository } from '@app/documents';
import { type OutboxEvent, OutboxService } from '@app/notifications';
import { CaseEntity } from '../case.entity.js';
import { type CaseChanges, CasesRepository } from '../cases.repository.js';
import { CasePreservation } from '../deadlines/case-preservation.service.js';
import {
  type Actor,
  type CaseAction,
  type CaseEvent,
  transition,
  type TransitionContext,
} from './case-state-machine.js';
import { MachineInputs, snapshotOf } from './machine-inputs.js';

/** Who acts, as the state machine judges them and as the audit trail names them. */
export interface TransitionActor extends Actor {
  audit: { actorType: ActorType; actorId: string | null };
}

/** What the acting person typed, and the fields the action itself changes. */
export interface TransitionRequest {
  caseId: string;
  action: CaseAction;
  actor: TransitionActor;
  input?: Pick<TransitionContext, 'reasonCode' | 'note' | 'assigneeId' | 'override' | 'documentChange'>;
  /** The version the reviewer saw: a case changed since then is refused (STALE_VERSION). */
  expectedVersion?: number;
  /** Fields the action sets besides what the machine decides (a new jurisdiction, a confirmed address). */
  changes?: Partial<Pick<CaseChanges, 'jurisdiction' | 'checklistVersion' | 'requesterEmailVerifiedAt'>>;
}

export interface TransitionOutcome {
  case: CaseEntity;
  from: CaseState;
  events: readonly CaseEvent[];
  /** The case's documents the machine judged it by. */
  documents: readonly DocumentEntity[];
}

/**
 * The one writer of case state. Every change of a case (a reviewer's action, the family's upload,
 * withdrawal, appeal or confirmed address, a verification, a jurisdiction change, a quarantine, an
 * expiry) comes here: the case row is locked, the pure state machine decides, and what it decided is
 * written with its history entry, its audit entries, its outbox events and its effect on the hold,
 * all in the caller's transaction. A refusal throws the machine's code and changes nothing.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly preservation: CasePreservation,
    private readonly inputs: MachineInputs,
  ) {}

  async apply(manager: EntityManager, request: TransitionRequest): Promise<TransitionOutcome> {
    const entity = await this.cases.lockForChange(manager, request.caseId);
    if (!entity) throw new DomainException('NOT_FOUND', 'There is no such case.');
    if (request.expectedVersion !== undefined && entity.version !== request.expectedVersion) {
      throw staleVersion(request.expectedVersion);
    }
    const subject = Object.assign(new CaseEntity(), entity, request.changes);
    const documents = await this.documents.listForCase(entity.id, manager);
    const history = request.action === 'expire' ? await this.cases.history(entity.id, manager) : [];
    const context = await this.inputs.context(manager, subject, documents, request.action);
    const result = transition(snapshotOf(subject, documents, history), request.action, request.actor, {
      ...context,
      ...request.input,
    });
    if (!result.ok) throw new DomainException(result.code satisfies ErrorCode, result.message);

    const { now } = context;
    const next = applyEvents(subject, result.state, result.events, now);
    // The family's words, kept with the decision they answer, in the same transaction.
    for (const event of result.events) {
      if (event.type === 'APPEAL_LODGED') {
        await this.cases.addStatement(manager, entity, { kind: 'APPEAL', text: event.statement, at: now });
      }
    }
    const withdrawn = result.events.find((event) => event.type === 'APPROVAL_WITHDRAWN');
    next.version = await this.cases.writeTransition(manager, entity.id, entity.state, next, now, withdrawn?.reason);
    next.updatedAt = now;
    await this.audit.appendMany(
      manager,
      result.events.map((event) => ({ ...auditOf(event, entity.id, now), ...request.actor.audit })),
    );
    await this.outbox.add(manager, outboxOf(result.events, entity.id, now));
    if (next.state !== entity.state) {
      await this.preservation.stateChanged(manager, entity.id, next.state, now, request.actor.audit);
    }
    return { case: next, from: entity.state, events: result.events, documents };
  }
}

function staleVersion(version: number): DomainException {
  return new DomainException(
    'STALE_VERSION',
    `The case changed since version ${version} was loaded. Reload it, check what changed, and try again.`,
  );
}

/** The case after the state machine's events. */
function applyEvents(entity: CaseEntity, state: CaseState, events: readonly CaseEvent[], now: Date): CaseEntity {
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
      case 'APPROVAL_WITHDRAWN':
        // Back to the first approver's queue; the approval no longer counts.
        next.assigneeId = event.firstApproverId ?? next.assigneeId;
        next.firstApproverId = null;
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
  const base = { at: now.toISOString(), actorType: 'system' as const, actorId: null, caseId };
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
      // The words stay out of the audit trail; their hash proves which words they were.
      return { ...base, action: 'case.appealed', details: { statementSha256: sha256(event.statement) } };
    case 'OVERRIDE_USED':
      return { ...base, action: 'case.override_used', details: { rule: event.rule } };
    case 'APPROVAL_WITHDRAWN':
      return {
        ...base,
        action: 'case.approval_withdrawn',
        // The audit trail holds ids, not words: the reason is in the case's history.
        details: { firstApproverId: event.firstApproverId },
      };
  }
}

/** What integrators hear of a transition: each new state, and each decision. */
function outboxOf(events: readonly CaseEvent[], caseId: string, now: Date): OutboxEvent[] {
  return events.flatMap((event): OutboxEvent[] => {
    switch (event.type) {
      case 'STATE_CHANGED':
        return [{ type: 'case.state_changed', caseId, occurredAt: now, payload: { from: event.from, to: event.to } }];
      case 'DECIDED':
        return [
          {
            type: 'case.decided',
            caseId,
            occurredAt: now,
            payload: { outcome: event.outcome, reasonCode: event.reasonCode },
          },
        ];
      case 'ASSIGNED':
      case 'APPROVAL_RECORDED':
      case 'DEFICIENCY_NOTICE':
      case 'APPEAL_LODGED':
      case 'OVERRIDE_USED':
      case 'APPROVAL_WITHDRAWN':
        return [];
    }
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
