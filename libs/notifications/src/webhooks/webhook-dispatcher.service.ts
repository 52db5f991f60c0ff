import http from 'node:http';
import https from 'node:https';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import { DocumentCipher } from '@app/documents';
import { JobQueue } from '@app/jobs';
import { afterFailure, OutboxWorker } from '../outbox-worker.js';
import { signatureHeader, SIGNATURE_HEADER } from './signature.js';
import { publicOnlyLookup, targetProblem } from './webhook-target.js';

export const WEBHOOK_DISPATCH_JOB = 'webhook-dispatch';
const CLAIM = 20;
const FAN_OUT = 500;
/** A claimed delivery is someone's for this long; a crash mid-send frees it after. */
const LEASE_SECONDS = 120;
const TIMEOUT_MS = 10_000;

interface ClaimedRow {
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
      const claimed = await this.claim();
      if (claimed.length === 0) return figures;
      const outcomes = await Promise.all(claimed.map((row) => this.deliver(row)));
      for (const outcome of outcomes) figures[outcome]++;
    }
  }

  /** One delivery per new event and subscription that wants it; the event is then marked fanned out. */
  private async fanOut(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events = await manager.query<{ id: string }[]>(
        `SELECT id FROM outbox_events WHERE fanned_out_at IS NULL ORDER BY seq LIMIT ${FAN_OUT} FOR UPDATE SKIP LOCKED`,
      );
      if (events.length === 0) return 0;
      const ids = events.map((event) => event.id);
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO webhook_deliveries (event_id, subscription_id, next_attempt_at, created_at)
         SELECT e.id, s.id, $2, $2 FROM outbox_events e
         JOIN webhook_subscriptions s ON s.deleted_at IS NULL AND e.type = ANY(s.events) AND s.created_at <= e.occurred_at
         WHERE e.id = ANY($1::uuid[])
         ON CONFLICT (event_id, subscription_id) DO NOTHING`,
        [ids, now],
      );
      await manager.query('UPDATE outbox_events SET fanned_out_at = $2 WHERE id = ANY($1::uuid[])', [ids, now]);
      return ids.length;
    });
  }

  private async claim(): Promise<ClaimedRow[]> {
    const now = this.clock.now();
    return this.dataSource.query<ClaimedRow[]>(
      `WITH claimed AS (
         UPDATE webhook_deliveries d
         SET next_attempt_at = $1::timestamptz + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
         WHERE d.id IN (
           SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT ${CLAIM} FOR UPDATE SKIP LOCKED)
         RETURNING d.id, d.attempts, d.created_at, d.event_id, d.subscription_id
       )
       SELECT c.id, c.attempts, c.created_at, c.event_id, e.type, e.occurred_at, e.payload, s.url, s.sealed_secret
       FROM claimed c JOIN outbox_events e ON e.id = c.event_id JOIN webhook_subscriptions s ON s.id = c.subscription_id`,
      [now],
    );
  }

  private async deliver(row: ClaimedRow): Promise<'delivered' | 'retrying' | 'dead'> {
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
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = $2, last_status = $3, last_error = NULL
         WHERE id = $1`,
        [row.id, now, result.status],
      );
      return 'delivered';
    }
    const { next, dead } = afterFailure(row.attempts, row.created_at, now);
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, last_status = $4, last_error = $5 WHERE id = $1`,
      [row.id, dead ? 'DEAD' : 'PENDING', next, result.status ?? null, result.error?.slice(0, 500) ?? null],
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
