import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseDirectory } from './case-directory.port.js';
import { OutboxRepository } from './outbox.repository.js';

/** The events integrators hear about, as signed webhooks. */
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
  constructor(
    private readonly cases: CaseDirectory,
    private readonly outbox: OutboxRepository,
  ) {}

  async add(manager: EntityManager, events: readonly OutboxEvent[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('An outbox event is written in the same transaction as its cause');
    }
    if (events.length === 0) return;
    // The case's reference and state as this transaction leaves it: what the receiver sees with the event.
    const caseIds = [...new Set(events.flatMap((event) => (event.caseId ? [event.caseId] : [])))];
    const stamps = await this.cases.stamps(manager, caseIds);
    const payloadOf = (event: OutboxEvent): string => {
      const stamp = event.caseId ? stamps.get(event.caseId) : undefined;
      return JSON.stringify(
        stamp ? { ...event.payload, caseReference: stamp.reference, state: stamp.state } : event.payload,
      );
    };
    await this.outbox.insert(
      manager,
      events.map((event) => ({
        type: event.type,
        caseId: event.caseId,
        occurredAt: event.occurredAt,
        payload: payloadOf(event),
      })),
    );
  }
}
