import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, DomainException } from '@app/common';
import { DocumentCipher } from '@app/documents';
import { targetProblem } from './webhook-target.js';
import type {
  CreatedWebhookView,
  CreateWebhookDto,
  DeliveryStatus,
  DeliveryView,
  WebhookView,
} from './webhook.views.js';
import { type DeliveryRow, type SubscriptionRow, WebhooksRepository } from './webhooks.repository.js';

/** A key's webhook subscriptions, their deliveries, and replaying a dead one. Each key sees only its own. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
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
    const row = await this.webhooks.insertSubscription({
      keyId,
      url: dto.url,
      events: [...new Set(dto.events)],
      sealedSecret: this.cipher.sealSecret(Buffer.from(secret)),
      createdAt: this.clock.now(),
    });
    return Object.assign(toView(row), { secret });
  }

  async list(keyId: string): Promise<WebhookView[]> {
    const rows = await this.webhooks.subscriptionsOf(keyId);
    return rows.map(toView);
  }

  async remove(keyId: string, id: string): Promise<void> {
    if (!(await this.webhooks.removeSubscription(keyId, id, this.clock.now()))) throw notFound();
  }

  async deliveries(keyId: string, subscriptionId: string, status?: DeliveryStatus): Promise<DeliveryView[]> {
    if (!(await this.webhooks.keyHasSubscription(keyId, subscriptionId))) throw notFound();
    const rows = await this.webhooks.deliveriesOf(subscriptionId, status);
    return rows.map(toDeliveryView);
  }

  /** Sends a dead (or any) delivery again, with the same event id, and 24 more hours of retries. */
  async replay(keyId: string, deliveryId: string): Promise<DeliveryView> {
    const row = await this.webhooks.replayDelivery(keyId, deliveryId, this.clock.now());
    if (!row) throw notFound();
    return toDeliveryView(row);
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
