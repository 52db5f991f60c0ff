import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The events integrators hear about, as signed webhooks (case.state_changed is written by a trigger). */
export const OUTBOX_EVENT_TYPES = [
  'case.created',
  'case.state_changed',
  'document.uploaded',
  'document.verified',
  'document.quarantined',
  'case.decided',
  'hold.placed',
  'hold.released',
  'deadline.escalated',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

export interface OutboxEvent {
  type: OutboxEventType;
  caseId: string | null;
  occurredAt: Date;
  /** Ids, codes and dates: what changed, for the receiver to act on. The case's reference and state are added. */
  payload: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * The transactional outbox: an event is written by the transaction that causes it, so it exists
 * exactly when its cause committed. WebhookDispatcher delivers from the table afterwards.
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, events: readonly OutboxEvent[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('An outbox event is written in the same transaction as its cause');
    }
    if (events.length === 0) return;
    await manager.query(
      // The case's state as this transaction leaves it: what the receiver sees with the event.
      `INSERT INTO outbox_events (type, case_id, occurred_at, payload)
       SELECT e.type, e.case_id, e.occurred_at,
              e.payload::jsonb || coalesce(jsonb_build_object('caseReference', c.reference, 'state', c.state), '{}')
       FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[]) AS e(type, case_id, occurred_at, payload)
       LEFT JOIN cases c ON c.id = e.case_id`,
      [
        events.map((e) => e.type),
        events.map((e) => e.caseId),
        events.map((e) => e.occurredAt),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
  }
}
