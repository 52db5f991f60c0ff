import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An event as the outbox stores it: its payload already carries the case's reference and state. */
export interface OutboxRow {
  type: string;
  caseId: string | null;
  occurredAt: Date;
  /** JSON text. */
  payload: string;
}

/**
 * The only SQL on `outbox_events`, but for two reads that join it for an event's type and payload
 * (WebhooksRepository and MailMessagesRepository, which own the tables the events turn into). Every
 * method takes the caller's transaction: events are written with their cause, and the workers take
 * theirs with SKIP LOCKED, so several instances hand out each event once.
 */
/** Who reads the outbox, each marking the events it handled in a column of its own. */
export type OutboxConsumer = 'webhooks' | 'mail';
const HANDLED_AT: Record<OutboxConsumer, string> = { webhooks: 'fanned_out_at', mail: 'mailed_at' };

@Injectable()
export class OutboxRepository {
  /** Events in the transaction that causes them, in one INSERT. */
  async insert(manager: EntityManager, events: readonly OutboxRow[]): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_events (type, case_id, occurred_at, payload)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::jsonb[])`,
      [
        events.map((e) => e.type),
        events.map((e) => e.caseId),
        events.map((e) => e.occurredAt),
        events.map((e) => e.payload),
      ],
    );
  }

  /**
   * The oldest events this consumer (the webhooks' fan-out, the mail queue) has not handled yet, up
   * to `limit`, locked (SKIP LOCKED) until the caller commits.
   */
  async lockUnhandled(manager: EntityManager, consumer: OutboxConsumer, limit: number): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM outbox_events WHERE ${HANDLED_AT[consumer]} IS NULL ORDER BY seq LIMIT ${wholeNumber(limit)}
       FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((row) => row.id);
  }

  async markHandled(manager: EntityManager, consumer: OutboxConsumer, ids: readonly string[], at: Date): Promise<void> {
    await manager.query(`UPDATE outbox_events SET ${HANDLED_AT[consumer]} = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
  }
}

/** A count written into a statement (LIMIT, a lease): only a whole number gets there. */
export function wholeNumber(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a whole number: ${String(value)}`);
  return String(value);
}
