import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxEventType } from '../outbox.service.js';
import { wholeNumber } from '../outbox.repository.js';
import type { DeliveryStatus } from './webhook.views.js';

export interface SubscriptionRow {
  id: string;
  url: string;
  events: OutboxEventType[];
  created_at: Date;
}

/** A delivery as its key sees it: with its event's type and case reference. */
export interface DeliveryRow {
  id: string;
  event_id: string;
  type: OutboxEventType;
  case_reference: string | null;
  status: DeliveryStatus;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
}

/** A delivery leased to this instance, with what sending it needs: the event and the subscription's target. */
export interface ClaimedDeliveryRow {
  id: string;
  attempts: number;
  created_at: Date;
  event_id: string;
  type: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  url: string;
  sealed_secret: Buffer;
}

const DELIVERY_COLUMNS = `d.id, d.event_id, e.type, e.payload->>'caseReference' AS case_reference, d.status, d.attempts,
  d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.delivered_at`;

/**
 * The only SQL on `webhook_subscriptions` and `webhook_deliveries`. Several statements join
 * `outbox_events` (OutboxRepository owns it) to read an event's type and payload, never to write
 * it. Subscriptions are never deleted, only marked so: their deliveries stay to be seen.
 */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSubscription(subscription: {
    keyId: string;
    url: string;
    events: readonly OutboxEventType[];
    sealedSecret: Buffer;
    createdAt: Date;
  }): Promise<SubscriptionRow> {
    const [row] = await this.dataSource.query<[SubscriptionRow]>(
      `INSERT INTO webhook_subscriptions (key_id, url, events, sealed_secret, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, url, events, created_at`,
      [subscription.keyId, subscription.url, subscription.events, subscription.sealedSecret, subscription.createdAt],
    );
    return row;
  }

  /** A key's subscriptions in force, oldest first. */
  subscriptionsOf(keyId: string): Promise<SubscriptionRow[]> {
    return this.dataSource.query<SubscriptionRow[]>(
      `SELECT id, url, events, created_at FROM webhook_subscriptions WHERE key_id = $1 AND deleted_at IS NULL
       ORDER BY created_at, id`,
      [keyId],
    );
  }

  /** Marks the key's subscription deleted; false when the key has no such subscription in force. */
  async removeSubscription(keyId: string, id: string, at: Date): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH removed AS (
         UPDATE webhook_subscriptions SET deleted_at = $3 WHERE id = $1 AND key_id = $2 AND deleted_at IS NULL RETURNING id
       ) SELECT * FROM removed`,
      [id, keyId, at],
    );
    return rows.length > 0;
  }

  async keyHasSubscription(keyId: string, subscriptionId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM webhook_subscriptions WHERE id = $1 AND key_id = $2 AND deleted_at IS NULL',
      [subscriptionId, keyId],
    );
    return rows.length > 0;
  }

  /** A subscription's latest 500 deliveries, newest first, of one status when given. */
  deliveriesOf(subscriptionId: string, status?: DeliveryStatus): Promise<DeliveryRow[]> {
    return this.dataSource.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id
       WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2)
       ORDER BY d.created_at DESC, d.id LIMIT 500`,
      [subscriptionId, status ?? null],
    );
  }

  /**
   * Makes a delivery of one of the key's subscriptions in force pending again from `at`, its 24
   * hours of retries counted afresh; undefined when the key has no such delivery.
   */
  async replayDelivery(keyId: string, deliveryId: string, at: Date): Promise<DeliveryRow | undefined> {
    const [row] = await this.dataSource.query<[DeliveryRow?]>(
      `WITH replayed AS (
         UPDATE webhook_deliveries d SET status = 'PENDING', next_attempt_at = $3, created_at = $3, delivered_at = NULL
         FROM webhook_subscriptions s
         WHERE d.id = $1 AND s.id = d.subscription_id AND s.key_id = $2 AND s.deleted_at IS NULL
         RETURNING d.*
       )
       SELECT ${DELIVERY_COLUMNS} FROM replayed d JOIN outbox_events e ON e.id = d.event_id`,
      [deliveryId, keyId, at],
    );
    return row;
  }

  /**
   * One delivery per event and subscription in force that wants its type and existed when it
   * happened, in the caller's transaction; an event fanned out twice gets no second delivery.
   */
  async fanOut(manager: EntityManager, eventIds: readonly string[], at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_deliveries (event_id, subscription_id, next_attempt_at, created_at)
       SELECT e.id, s.id, $2, $2 FROM outbox_events e
       JOIN webhook_subscriptions s ON s.deleted_at IS NULL AND e.type = ANY(s.events) AND s.created_at <= e.occurred_at
       WHERE e.id = ANY($1::uuid[])
       ON CONFLICT (event_id, subscription_id) DO NOTHING`,
      [eventIds, at],
    );
  }

  /**
   * Up to `limit` pending deliveries due at `now`, leased for `leaseSeconds` (SKIP LOCKED: no two
   * instances take the same one) with one more attempt counted.
   */
  claimDue(now: Date, limit: number, leaseSeconds: number): Promise<ClaimedDeliveryRow[]> {
    return this.dataSource.query<ClaimedDeliveryRow[]>(
      `WITH claimed AS (
         UPDATE webhook_deliveries d
         SET next_attempt_at = $1::timestamptz + make_interval(secs => ${wholeNumber(leaseSeconds)}), attempts = attempts + 1
         WHERE d.id IN (
           SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT ${wholeNumber(limit)} FOR UPDATE SKIP LOCKED)
         RETURNING d.id, d.attempts, d.created_at, d.event_id, d.subscription_id
       )
       SELECT c.id, c.attempts, c.created_at, c.event_id, e.type, e.occurred_at, e.payload, s.url, s.sealed_secret
       FROM claimed c JOIN outbox_events e ON e.id = c.event_id JOIN webhook_subscriptions s ON s.id = c.subscription_id`,
      [now],
    );
  }

  async markDelivered(id: string, at: Date, httpStatus: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = $2, last_status = $3, last_error = NULL
       WHERE id = $1`,
      [id, at, httpStatus],
    );
  }

  /** After a failed attempt: pending again from `nextAttemptAt`, or dead; with what the target answered. */
  async markFailed(
    id: string,
    status: 'PENDING' | 'DEAD',
    nextAttemptAt: Date,
    httpStatus: number | null,
    error: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, last_status = $4, last_error = $5 WHERE id = $1`,
      [id, status, nextAttemptAt, httpStatus, error],
    );
  }
}
