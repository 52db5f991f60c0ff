import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The events integrators will hear about (issue #6 delivers them as signed webhooks and e-mail). */
export const OUTBOX_EVENT_TYPES = ['hold.placed', 'hold.released', 'deadline.escalated'] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

export interface OutboxEvent {
  type: OutboxEventType;
  caseId: string | null;
  occurredAt: Date;
  /** Ids, codes and dates: what changed, for the receiver to act on. */
  payload: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * The transactional outbox: an event is written by the transaction that causes it, so it exists
 * exactly when its cause committed. Delivery reads the table afterwards (issue #6).
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, events: readonly OutboxEvent[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('An outbox event is written in the same transaction as its cause');
    }
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO outbox_events (type, case_id, occurred_at, payload)
       SELECT type, case_id, occurred_at, payload::jsonb
       FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[]) AS e(type, case_id, occurred_at, payload)`,
      [
        events.map((e) => e.type),
        events.map((e) => e.caseId),
        events.map((e) => e.occurredAt),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
  }
}
