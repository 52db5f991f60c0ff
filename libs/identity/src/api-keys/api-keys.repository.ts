import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiScope } from './api-key.js';

/** A key as it may be shown: everything but its hash. */
export interface ApiKeyRow {
  id: string;
  name: string;
  key_hint: string;
  scopes: ApiScope[];
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const KEY_COLUMNS = 'id, name, key_hint, scopes, created_at, expires_at, revoked_at, last_used_at';

/**
 * The only SQL on `api_keys`. A key is kept as its hash and found by it; no statement returns the
 * hash. Audited writes take the caller's transaction.
 */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    key: {
      name: string;
      hash: Buffer;
      hint: string;
      scopes: readonly string[];
      createdBy: string;
      createdAt: Date;
      expiresAt: Date;
    },
  ): Promise<ApiKeyRow> {
    const [created] = await manager.query<[ApiKeyRow]>(
      `INSERT INTO api_keys (name, key_hash, key_hint, scopes, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${KEY_COLUMNS}`,
      [key.name, key.hash, key.hint, key.scopes, key.createdBy, key.createdAt, key.expiresAt],
    );
    return created;
  }

  /** Every key, revoked and expired ones too, oldest first. */
  all(): Promise<ApiKeyRow[]> {
    return this.dataSource.query<ApiKeyRow[]>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at, id`);
  }

  /** Revokes the key (a revoked key keeps its first revocation time); undefined when there is no such key. */
  async revoke(manager: EntityManager, id: string, at: Date): Promise<ApiKeyRow | undefined> {
    const [row] = await manager.query<[ApiKeyRow?]>(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1
         RETURNING ${KEY_COLUMNS}
       ) SELECT * FROM revoked`,
      [id, at],
    );
    return row;
  }

  /** The key with this hash, unless it is revoked or expired at `now`. */
  async findUsable(hash: Buffer, now: Date): Promise<ApiKeyRow | undefined> {
    const [row] = await this.dataSource.query<[ApiKeyRow?]>(
      `SELECT ${KEY_COLUMNS} FROM api_keys
       WHERE key_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [hash, now],
    );
    return row;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, at]);
  }
}
