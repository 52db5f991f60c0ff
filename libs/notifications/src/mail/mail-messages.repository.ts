import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { wholeNumber } from '../outbox.repository.js';
import type { MailKind } from './mail-composer.js';

/** A message leased to this instance, with its event's payload. */
export interface ClaimedMailRow {
  id: string;
  kind: MailKind;
  attempts: number;
  created_at: Date;
  case_id: string;
  payload: Record<string, unknown>;
}

/**
 * The only SQL on `mail_messages`, the e-mail to requesters. Two statements read `outbox_events`
 * (OutboxRepository owns it) without writing it: queueing, for the events' type and payload, and
 * the claim, for a message's payload.
 */
@Injectable()
export class MailMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One message per event a family hears about, in the caller's transaction: which kind, if any,
   * follows from the event's type. An event queued twice gets no second message. How many it queued.
   */
  async queueForEvents(manager: EntityManager, eventIds: readonly string[], at: Date): Promise<number> {
    const queued = await manager.query<unknown[]>(
      `INSERT INTO mail_messages (event_id, case_id, kind, next_attempt_at, created_at)
       SELECT e.id, e.case_id, k.kind, $2, $2 FROM outbox_events e
       CROSS JOIN LATERAL (SELECT CASE
         WHEN e.type = 'case.created' THEN 'ACKNOWLEDGEMENT'
         WHEN e.type = 'case.state_changed' AND e.payload->>'to' = 'NEEDS_INFO' THEN 'DEFICIENCY'
         WHEN e.type = 'case.decided' THEN 'DECISION'
         -- The deadline mail states the account's date: only once the family may see the dates
         -- (domain.md §3 "Who may see the dates": accepted proof of death or incapacity and identity).
         WHEN e.type = 'deadline.escalated'
           AND EXISTS (SELECT 1 FROM documents d WHERE d.case_id = e.case_id AND d.verification = 'ACCEPTED'
             AND d.type IN ('DEATH_CERTIFICATE', 'SOCIAL_ID_DEREGISTRATION', 'OFFICIAL_DEATH_PROOF', 'COURT_ORDER'))
           AND EXISTS (SELECT 1 FROM documents d WHERE d.case_id = e.case_id AND d.verification = 'ACCEPTED'
             AND d.type = 'REQUESTER_ID') THEN 'DEADLINE'
         WHEN e.type = 'document.quarantined' THEN 'QUARANTINE' END AS kind) k
       WHERE e.id = ANY($1::uuid[]) AND k.kind IS NOT NULL AND e.case_id IS NOT NULL
       ON CONFLICT (event_id, kind) DO NOTHING
       RETURNING id`,
      [eventIds, at],
    );
    return queued.length;
  }

  /**
   * Up to `limit` pending messages due at `now`, leased for `leaseSeconds` (SKIP LOCKED: no two
   * instances take the same one) with one more attempt counted, and their event's payload.
   */
  claimDue(now: Date, limit: number, leaseSeconds: number): Promise<ClaimedMailRow[]> {
    return this.dataSource.query<ClaimedMailRow[]>(
      `WITH claimed AS (
         UPDATE mail_messages m
         SET next_attempt_at = $1::timestamptz + make_interval(secs => ${wholeNumber(leaseSeconds)}), attempts = attempts + 1
         WHERE m.id IN (
           SELECT id FROM mail_messages WHERE status = 'PENDING' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT ${wholeNumber(limit)} FOR UPDATE SKIP LOCKED)
         RETURNING m.id, m.kind, m.attempts, m.created_at, m.case_id, m.event_id
       )
       SELECT m.id, m.kind, m.attempts, m.created_at, m.case_id, e.payload
       FROM claimed m JOIN outbox_events e ON e.id = m.event_id`,
      [now],
    );
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_messages SET status = 'SENT', sent_at = $2, last_error = NULL WHERE id = $1`,
      [id, at],
    );
  }

  /** After a failed attempt: pending again from `nextAttemptAt`, or dead. */
  async markFailed(id: string, status: 'PENDING' | 'DEAD', nextAttemptAt: Date, error: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE mail_messages SET status = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1',
      [id, status, nextAttemptAt, error],
    );
  }
}
