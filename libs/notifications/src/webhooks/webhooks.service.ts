import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, DomainException } from '@app/common';
import { DocumentCipher } from '@app/documents';
import type { OutboxEventType } from '../outbox.service.js';
import { targetProblem } from './webhook-target.js';
import type {
  CreatedWebhookView,
  CreateWebhookDto,
  DeliveryStatus,
  DeliveryView,
  WebhookView,
} from './webhook.views.js';

interface SubscriptionRow {
  id: string;
  url: string;
  events: OutboxEventType[];
  created_at: Date;
}

interface DeliveryRow {
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

const DELIVERY_COLUMNS = `d.id, d.event_id, e.type, e.payload->>'caseReference' AS case_reference, d.status, d.attempts,
  d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.delivered_at`;

/** A key's webhook subscriptions, their deliveries, and replaying a dead one. Each key sees only its own. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DocumentCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async subscribe(keyId: string, dto: CreateWebhookDto): Promise<CreatedWebhookView> {
    const problem = targetProblem(dto.url, {
      requireHttps: this.config.isProduction,
      allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    });
    if (problem) throw DomainException.invalid([{ field: 'url', message: problem }]);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.dataSource.query<[SubscriptionRow]>(
      `INSERT INTO webhook_subscriptions (key_id, url, events, sealed_secret, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, url, events, created_at`,
      [keyId, dto.url, [...new Set(dto.events)], this.cipher.sealSecret(Buffer.from(secret)), this.clock.now()],
    );
    return Object.assign(toView(row), { secret });
  }

  async list(keyId: string): Promise<WebhookView[]> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT id, url, events, created_at FROM webhook_subscriptions WHERE key_id = $1 AND deleted_at IS NULL
       ORDER BY created_at, id`,
      [keyId],
    );
    return rows.map(toView);
  }

  async remove(keyId: string, id: string): Promise<void> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH removed AS (
         UPDATE webhook_subscriptions SET deleted_at = $3 WHERE id = $1 AND key_id = $2 AND deleted_at IS NULL RETURNING id
       ) SELECT * FROM removed`,
      [id, keyId, this.clock.now()],
    );
    if (rows.length === 0) throw notFound();
  }

  async deliveries(keyId: string, subscriptionId: string, status?: DeliveryStatus): Promise<DeliveryView[]> {
    await this.own(keyId, subscriptionId);
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id
       WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2)
       ORDER BY d.created_at DESC, d.id LIMIT 500`,
      [subscriptionId, status ?? null],
    );
    return rows.map(toDeliveryView);
  }

  /** Sends a dead (or any) delivery again, with the same event id, and 24 more hours of retries. */
  async replay(keyId: string, deliveryId: string): Promise<DeliveryView> {
    const now = this.clock.now();
    const [row] = await this.dataSource.query<[DeliveryRow?]>(
      `WITH replayed AS (
         UPDATE webhook_deliveries d SET status = 'PENDING', next_attempt_at = $3, created_at = $3, delivered_at = NULL
         FROM webhook_subscriptions s
         WHERE d.id = $1 AND s.id = d.subscription_id AND s.key_id = $2 AND s.deleted_at IS NULL
         RETURNING d.*
       )
       SELECT ${DELIVERY_COLUMNS} FROM replayed d JOIN outbox_events e ON e.id = d.event_id`,
      [deliveryId, keyId, now],
    );
    if (!row) throw notFound();
    return toDeliveryView(row);
  }

  private async own(keyId: string, subscriptionId: string): Promise<void> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM webhook_subscriptions WHERE id = $1 AND key_id = $2 AND deleted_at IS NULL',
      [subscriptionId, keyId],
    );
    if (rows.length === 0) throw notFound();
  }
}

function notFound(): DomainException {
  return new DomainException('NOT_FOUND', 'This key has no such webhook or delivery.');
}

function toView(row: SubscriptionRow): WebhookView {
  return { id: row.id, url: row.url, events: row.events, createdAt: row.created_at.toISOString() };
}

function toDeliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    caseReference: row.case_reference,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}
