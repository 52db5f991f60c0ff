import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseState, RequestType } from '@app/common';
import type { CaseMailFacts, CaseStamp } from '@app/notifications';
import { CaseEntity } from './case.entity.js';
import { CaseStateChangeEntity } from './case-state-change.entity.js';

/** The fields of a case that change with its state (CaseTransitions writes them, nobody else). */
export type CaseChanges = Pick<
  CaseEntity,
  | 'state'
  | 'assigneeId'
  | 'firstApproverId'
  | 'deciderIds'
  | 'decisionOutcome'
  | 'decisionReasonCode'
  | 'decisionReason'
  | 'decidedAt'
  | 'deficiencyNotice'
  | 'jurisdiction'
  | 'checklistVersion'
  | 'requesterEmailVerifiedAt'
>;

export interface EscalatedCase {
  id: string;
  reference: string;
  state: CaseState;
  deadlineKind: string;
  riskDate: string;
}

export interface LinkedCaseRow {
  reference: string;
  state: CaseState;
  requestType: RequestType;
}

/**
 * The only SQL on `cases` and on their history, `case_state_changes`.
 *
 * Lock order, for every transaction that changes a case (the one place it is written down, with
 * docs/architecture.md): 1. the document rows it changes (a verification, a scan: both start from
 * the document); 2. the case row (`lockForChange`, or `admitDocument`, which locks it too); 3. the
 * audit chain's lock (AuditService.append); 4. holds. Statements that lock several cases lock them in
 * id order. An upload only inserts its document, so it waits on no document row.
 */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nextReferenceNumber(): Promise<number> {
    const [{ sequence }] = await this.dataSource.query<[{ sequence: number }]>(
      `SELECT nextval('case_reference_seq')::int AS sequence`,
    );
    return sequence;
  }

  /** A new case and the first entry of its history, in the caller's transaction. */
  async insert(manager: EntityManager, created: CaseEntity): Promise<void> {
    await manager.insert(CaseEntity, created);
    await this.recordHistory(manager, created.id, created.state, created.createdAt);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.findOneBy(CaseEntity, { id });
  }

  findByReference(reference: string, manager: EntityManager = this.dataSource.manager): Promise<CaseEntity | null> {
    return manager.findOneBy(CaseEntity, { reference });
  }

  /** The case, locked until the caller's transaction ends: every change of a case starts here. */
  lockForChange(manager: EntityManager, id: string): Promise<CaseEntity | null> {
    return manager.findOne(CaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Plain SQL: this runs before every requester call, uploads included. */
  async tokenOf(reference: string): Promise<{ id: string; accessTokenHash: Buffer } | undefined> {
    const [row] = await this.dataSource.query<[{ id: string; access_token_hash: Buffer }?]>(
      'SELECT id, access_token_hash FROM cases WHERE reference = $1',
      [reference],
    );
    return row && { id: row.id, accessTokenHash: row.access_token_hash };
  }

  async idOf(reference: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<[{ id: string }?]>('SELECT id FROM cases WHERE reference = $1', [
      reference,
    ]);
    return row?.id;
  }

  async anyWithTokenHash(hash: Buffer): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM cases WHERE access_token_hash = $1', [hash]);
    return rows.length > 0;
  }

  /**
   * Counts a document in and locks the case row, only while the case takes documents and is under
   * its limit, re-checked on the row's latest version (so concurrent uploads cannot overshoot).
   * Undefined when the case refused it.
   */
  async admitDocument(
    manager: EntityManager,
    caseId: string,
    now: Date,
    acceptingStates: ReadonlySet<CaseState>,
    maxDocuments: number,
  ): Promise<Pick<CaseEntity, 'id' | 'reference' | 'requestType' | 'subjectAccountEmail'> | undefined> {
    const [admitted] = await manager.query<[{ reference: string; request_type: RequestType; email: string }?]>(
      `WITH admitted AS (
         UPDATE cases SET document_count = document_count + 1, version = version + 1, updated_at = $2
         WHERE id = $1 AND state = ANY($3::text[]) AND document_count < $4
         RETURNING reference, request_type, subject_account_email AS email
       ) SELECT * FROM admitted`,
      [caseId, now, [...acceptingStates], maxDocuments],
    );
    return (
      admitted && {
        id: caseId,
        reference: admitted.reference,
        requestType: admitted.request_type,
        subjectAccountEmail: admitted.email,
      }
    );
  }

  /**
   * Writes what a transition changed, on the row locked by `lockForChange`, and the history entry of
   * a new state. Only CaseTransitions calls this: it is the one writer of `cases.state`.
   */
  async writeTransition(
    manager: EntityManager,
    id: string,
    from: CaseState,
    changes: CaseChanges,
    now: Date,
    /** Why the state changed, when the history should say (a withdrawn first approval). */
    note?: string,
  ): Promise<number> {
    const [saved] = await manager.query<[{ version: number }?]>(
      `WITH saved AS (
         UPDATE cases SET state = $2, assignee_id = $3, first_approver_id = $4, decider_ids = $5,
           decision_outcome = $6, decision_reason_code = $7, decision_reason = $8, decided_at = $9,
           deficiency_notice = $10, jurisdiction = $11, checklist_version = $12, requester_email_verified_at = $13,
           version = version + 1, updated_at = $14
         WHERE id = $1 RETURNING version
       ) SELECT version FROM saved`,
      [
        id,
        changes.state,
        changes.assigneeId,
        changes.firstApproverId,
        changes.deciderIds,
        changes.decisionOutcome,
        changes.decisionReasonCode,
        changes.decisionReason,
        changes.decidedAt,
        changes.deficiencyNotice === null ? null : JSON.stringify(changes.deficiencyNotice),
        changes.jurisdiction,
        changes.checklistVersion,
        changes.requesterEmailVerifiedAt,
        now,
      ],
    );
    if (!saved) throw new Error(`Case ${id} vanished while it was locked`);
    if (changes.state !== from) await this.recordHistory(manager, id, changes.state, now, note);
    return saved.version;
  }

  /**
   * Keeps the family's words with the decision they answer, as it stands before the transition: the
   * case's latest history entry and its decision fields. Called by the one writer of case state.
   */
  async addStatement(manager: EntityManager, before: CaseEntity, statement: NewRequesterStatement): Promise<void> {
    await manager.query(
      `INSERT INTO requester_statements (case_id, kind, text, answers_state_change_id, decision_outcome,
         decision_reason_code, decision_reason, decided_at, decided_by, created_at)
       VALUES ($1, $2, $3,
         (SELECT id FROM case_state_changes WHERE case_id = $1 ORDER BY at DESC, id DESC LIMIT 1),
         $4, $5, $6, $7, $8, $9)`,
      [
        before.id,
        statement.kind,
        statement.text,
        before.decisionOutcome,
        before.decisionReasonCode,
        before.decisionReason,
        before.decidedAt,
        before.deciderIds.at(-1) ?? null,
        statement.at,
      ],
    );
  }

  /** The family's words on a case, oldest first, each with the decision it answers. */
  async statements(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<RequesterStatement[]> {
    const rows = await manager.query<RequesterStatementRow[]>(
      `SELECT r.kind, r.text, r.created_at, r.decision_outcome, r.decision_reason_code, r.decision_reason,
              r.decided_at, r.decided_by, s.state AS answers_state, s.at AS answers_at
         FROM requester_statements r LEFT JOIN case_state_changes s ON s.id = r.answers_state_change_id
        WHERE r.case_id = $1 ORDER BY r.created_at, r.id`,
      [caseId],
    );
    return rows.map((row) => ({
      kind: row.kind,
      text: row.text,
      at: row.created_at,
      answers: {
        state: row.answers_state,
        at: row.answers_at,
        outcome: row.decision_outcome,
        reasonCode: row.decision_reason_code,
        reason: row.decision_reason,
        decidedAt: row.decided_at,
        decidedBy: row.decided_by,
      },
    }));
  }

  /** The states a case went through, oldest first (its SLA timers run on them). */
  history(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseStateChangeEntity[]> {
    return manager.find(CaseStateChangeEntity, { where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** The other cases on the same account, oldest first (reviewers see them side by side). */
  async linkedTo(entity: CaseEntity, manager: EntityManager = this.dataSource.manager): Promise<LinkedCaseRow[]> {
    const rows = await manager.query<{ reference: string; state: CaseState; request_type: RequestType }[]>(
      `SELECT reference, state, request_type FROM cases
       WHERE lower(subject_account_email) = lower($1) AND id <> $2 ORDER BY created_at`,
      [entity.subjectAccountEmail, entity.id],
    );
    return rows.map((row) => ({ reference: row.reference, state: row.state, requestType: row.request_type }));
  }

  /** Other cases on the same account of these types, not in these states. */
  async countOthersOnAccount(
    manager: EntityManager,
    entity: CaseEntity,
    requestTypes: ReadonlySet<RequestType>,
    excludedStates: readonly CaseState[],
  ): Promise<number> {
    const [{ n }] = await manager.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM cases
       WHERE lower(subject_account_email) = lower($1) AND id <> $2
         AND request_type = ANY($3::text[]) AND state <> ALL($4::text[])`,
      [entity.subjectAccountEmail, entity.id, [...requestTypes], excludedStates],
    );
    return n;
  }

  /** Cases in these states untouched (no document, no change) since `cutoff`. */
  async untouchedSince(states: ReadonlySet<CaseState>, cutoff: Date): Promise<string[]> {
    // An upload sets updated_at (admitDocument), so a document since the cutoff keeps a case out.
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM cases WHERE state = ANY($1::text[]) AND updated_at <= $2 ORDER BY id',
      [[...states], cutoff],
    );
    return rows.map((row) => row.id);
  }

  /** Of these cases, those without any document. */
  async withoutDocuments(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM cases WHERE id = ANY($1::uuid[]) AND document_count = 0 ORDER BY id',
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Of these cases, those whose requester has not confirmed their e-mail address. */
  async unconfirmed(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM cases WHERE id = ANY($1::uuid[]) AND requester_email_verified_at IS NULL ORDER BY id',
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Of these cases, those rejected before `decidedBefore` and still rejected (no appeal came). */
  async rejectedBefore(manager: EntityManager, ids: readonly string[], decidedBefore: Date): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM cases WHERE id = ANY($1::uuid[]) AND state = 'REJECTED' AND decided_at < $2 ORDER BY id`,
      [ids, decidedBefore],
    );
    return rows.map((row) => row.id);
  }

  /** Reference and state of these cases, in the caller's transaction (what an outbox event carries). */
  async stamps(manager: EntityManager, ids: readonly string[]): Promise<Map<string, CaseStamp>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; reference: string; state: CaseState }[]>(
      'SELECT id, reference, state FROM cases WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { reference: row.reference, state: row.state }]));
  }

  /** What the e-mails to these cases' families say of them. */
  async mailFacts(ids: readonly string[]): Promise<Map<string, CaseMailFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<(CaseMailFacts & { id: string })[]>(
      `SELECT id, reference, requester_full_name AS "requesterFullName", requester_email AS "requesterEmail",
              requester_language AS "requesterLanguage", subject_full_name AS "subjectFullName",
              deficiency_notice AS "deficiencyNotice", decision_outcome AS "decisionOutcome",
              decision_reason AS "decisionReason"
       FROM cases WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map(({ id, ...facts }) => [id, facts]));
  }

  /**
   * Flags the open cases whose subject loses data by `horizon` (their deadline copy says so) and
   * clears the flags no longer true; rows locked in id order. What changed, for the audit and outbox.
   */
  async markEscalations(
    manager: EntityManager,
    now: Date,
    finalStates: ReadonlySet<CaseState>,
    horizon: string,
  ): Promise<{ escalated: EscalatedCase[]; cleared: string[] }> {
    const atRisk = `c.state <> ALL($2::text[]) AND d.risk_rank = 1 AND d.risk_date <= $3::date`;
    const parameters = [now, [...finalStates], horizon];
    const escalated = await manager.query<EscalatedCase[]>(
      `WITH due AS (
         SELECT c.id FROM cases c JOIN case_deadlines d ON d.case_id = c.id
         WHERE c.escalated_at IS NULL AND ${atRisk} ORDER BY c.id FOR UPDATE OF c
       ), escalated AS (
         UPDATE cases c SET escalated_at = $1::timestamptz FROM due WHERE c.id = due.id RETURNING c.id
       )
       SELECT c.id, c.reference, c.state, d.deadline_kind AS "deadlineKind", d.risk_date::text AS "riskDate"
       FROM escalated e JOIN cases c ON c.id = e.id JOIN case_deadlines d ON d.case_id = e.id`,
      parameters,
    );
    const cleared = await manager.query<{ id: string }[]>(
      `WITH stale AS (
         SELECT c.id FROM cases c JOIN case_deadlines d ON d.case_id = c.id
         WHERE c.escalated_at IS NOT NULL AND NOT (${atRisk.replaceAll('$2', '$1').replaceAll('$3', '$2')})
         ORDER BY c.id FOR UPDATE OF c
       ), cleared AS (
         UPDATE cases c SET escalated_at = NULL FROM stale WHERE c.id = stale.id RETURNING c.id
       ) SELECT * FROM cleared`,
      parameters.slice(1),
    );
    return { escalated, cleared: cleared.map((row) => row.id) };
  }

  private async recordHistory(
    manager: EntityManager,
    caseId: string,
    state: CaseState,
    at: Date,
    note?: string,
  ): Promise<void> {
    await manager.insert(CaseStateChangeEntity, { caseId, state, at, note: note ?? null });
  }
}

export type RequesterStatementKind = 'APPEAL' | 'WITHDRAWAL' | 'INFORMATION_ANSWER';

export interface NewRequesterStatement {
  kind: RequesterStatementKind;
  text: string;
  at: Date;
}

export interface RequesterStatement {
  kind: RequesterStatementKind;
  text: string;
  at: Date;
  /** The decision (and the state the case was in) the words answer, as it stood when they came. */
  answers: {
    state: CaseState | null;
    at: Date | null;
    outcome: 'APPROVED' | 'REJECTED' | null;
    reasonCode: string | null;
    reason: string | null;
    decidedAt: Date | null;
    decidedBy: string | null;
  };
}

interface RequesterStatementRow {
  kind: RequesterStatementKind;
  text: string;
  created_at: Date;
  decision_outcome: 'APPROVED' | 'REJECTED' | null;
  decision_reason_code: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  answers_state: CaseState | null;
  answers_at: Date | null;
}
