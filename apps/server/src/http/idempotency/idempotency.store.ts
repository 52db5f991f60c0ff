import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { DocumentCipher } from '@app/documents';
import { JobQueue } from '@app/jobs';

const KEPT_MS = 24 * 3_600_000;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'in-progress' }
  | { kind: 'reused' }
  | { kind: 'replay'; status: number; body: unknown };

interface KeyRow {
  fingerprint: Buffer;
  status: number | null;
  sealed_body: Buffer | null;
  created_at: Date;
}

/**
 * The idempotency keys. Answers are kept sealed with the master key: a family's first answer holds
 * its access token, which must never rest in the database in plain text.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DocumentCipher,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.every('idempotency-prune', '17 * * * *', () => this.prune());
  }

  async claim(caller: Buffer, key: string, fingerprint: Buffer): Promise<Claim> {
    const now = this.clock.now();
    const expired = new Date(now.getTime() - KEPT_MS);
    // Two identical requests at once: the primary key lets one insert; the other sees it in progress.
    const [inserted] = await this.dataSource.query<[{ key: string }?]>(
      `INSERT INTO idempotency_keys (caller_hash, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (caller_hash, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = NULL, sealed_body = NULL, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.created_at < $5
       RETURNING key`,
      [caller, key, fingerprint, now, expired],
    );
    if (inserted) return { kind: 'claimed' };
    const [row] = await this.dataSource.query<[KeyRow?]>(
      'SELECT fingerprint, status, sealed_body, created_at FROM idempotency_keys WHERE caller_hash = $1 AND key = $2',
      [caller, key],
    );
    if (!row) return this.claim(caller, key, fingerprint); // released meanwhile: try again
    if (!row.fingerprint.equals(fingerprint)) return { kind: 'reused' };
    if (row.status === null || row.sealed_body === null) return { kind: 'in-progress' };
    return { kind: 'replay', status: row.status, body: JSON.parse(this.cipher.openSecret(row.sealed_body).toString()) };
  }

  async complete(caller: Buffer, key: string, status: number, body: unknown): Promise<void> {
    const sealed = this.cipher.sealSecret(Buffer.from(JSON.stringify(body ?? null)));
    await this.dataSource.query(
      'UPDATE idempotency_keys SET status = $3, sealed_body = $4 WHERE caller_hash = $1 AND key = $2',
      [caller, key, status, sealed],
    );
  }

  async release(caller: Buffer, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE caller_hash = $1 AND key = $2 AND status IS NULL', [
      caller,
      key,
    ]);
  }

  async prune(): Promise<number> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH pruned AS (DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING 1) SELECT * FROM pruned`,
      [new Date(this.clock.now().getTime() - KEPT_MS)],
    );
    return rows.length;
  }
}
