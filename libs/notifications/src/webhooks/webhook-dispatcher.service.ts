import http from 'node:http';
import https from 'node:https';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import { DocumentCipher } from '@app/documents';
import { JobQueue } from '@app/jobs';
import { OutboxRepository } from '../outbox.repository.js';
import { afterFailure, OutboxWorker } from '../outbox-worker.js';
import { signatureHeader, SIGNATURE_HEADER } from './signature.js';
import { publicOnlyLookup, targetProblem } from './webhook-target.js';
import { type ClaimedDeliveryRow, WebhooksRepository } from './webhooks.repository.js';

export const WEBHOOK_DISPATCH_JOB = 'webhook-dispatch';
const CLAIM = 20;
const FAN_OUT = 500;
/** A claimed delivery is someone's for this long; a crash mid-send frees it after. */
const LEASE_SECONDS = 120;
const TIMEOUT_MS = 10_000;

export interface DispatchFigures {
  fannedOut: number;
  delivered: number;
  retrying: number;
  dead: number;
}

/**
 * Delivers the outbox as signed webhooks: fans each new event out to the subscriptions that want it,
 * then sends what is due. At least once: a delivery is claimed with a lease, sent, then recorded; a
 * crash anywhere in between sends it again later with the same event id. Runs on the job queue every
 * minute and, for speed, in each instance (OutboxWorker).
 */
@Injectable()
export class WebhookDispatcher extends OutboxWorker<DispatchFigures> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly cipher: DocumentCipher,
    private readonly clock: Clock,
    config: AppConfig,
    jobs: JobQueue,
  ) {
    super(WEBHOOK_DISPATCH_JOB, jobs, config);
  }

  async runOnce(): Promise<DispatchFigures> {
    const fannedOut = await this.fanOut();
    const figures = { fannedOut, delivered: 0, retrying: 0, dead: 0 };
    for (;;) {
      const claimed = await this.webhooks.claimDue(this.clock.now(), CLAIM, LEASE_SECONDS);
      if (claimed.length === 0) return figures;
      const outcomes = await Promise.all(claimed.map((row) => this.deliver(row)));
      for (const outcome of outcomes) figures[outcome]++;
    }
  }

  /** One delivery per new event and subscription that wants it; the event is then marked fanned out. */
  private async fanOut(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.outbox.lockUnhandled(manager, 'webhooks', FAN_OUT);
      if (ids.length === 0) return 0;
      const now = this.clock.now();
      await this.webhooks.fanOut(manager, ids, now);
      await this.outbox.markHandled(manager, 'webhooks', ids, now);
      return ids.length;
    });
  }

  private async deliver(row: ClaimedDeliveryRow): Promise<'delivered' | 'retrying' | 'dead'> {
    const { caseReference, state, ...data } = row.payload;
    const body = JSON.stringify({
      id: row.event_id,
      type: row.type,
      occurredAt: row.occurred_at.toISOString(),
      caseReference: caseReference ?? null,
      state: state ?? null,
      data,
    });
    const secret = this.cipher.openSecret(row.sealed_secret).toString();
    const result = await this.post(row.url, body, {
      'content-type': 'application/json',
      'user-agent': 'NextOfKin-Webhooks/1',
      'nok-event-id': row.event_id,
      'nok-event-type': row.type,
      [SIGNATURE_HEADER]: signatureHeader(secret, body, this.clock.now()),
    });
    const now = this.clock.now();
    if (result.status !== undefined && result.status >= 200 && result.status < 300) {
      await this.webhooks.markDelivered(row.id, now, result.status);
      return 'delivered';
    }
    const { next, dead } = afterFailure(row.attempts, row.created_at, now);
    await this.webhooks.markFailed(
      row.id,
      dead ? 'DEAD' : 'PENDING',
      next,
      result.status ?? null,
      result.error?.slice(0, 500) ?? null,
    );
    return dead ? 'dead' : 'retrying';
  }

  private post(
    url: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status?: number; error?: string }> {
    const allowPrivate = this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    const problem = targetProblem(url, { requireHttps: this.config.isProduction, allowPrivate });
    if (problem) return Promise.resolve({ error: `refused: the URL ${problem}` });
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          lookup: publicOnlyLookup(allowPrivate),
          timeout: TIMEOUT_MS,
        },
        (response) => {
          response.resume(); // the answer's body is not ours to keep
          response.on('end', () => resolve({ status: response.statusCode }));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${String(TIMEOUT_MS)} ms`)));
      request.on('error', (error) => resolve({ error: error.message }));
      request.end(body);
    });
  }
}
