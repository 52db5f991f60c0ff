import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainException } from '@app/common';
import { API_SCOPES, type ApiScope, generateApiKey, hashApiKey, looksLikeApiKey } from './api-key.js';
import type { ApiKeyView, CreatedApiKeyView } from './api-key.dto.js';
import { type ApiKeyRow, ApiKeysRepository } from './api-keys.repository.js';

export interface ApiKeyCaller {
  keyId: string;
  name: string;
  scopes: ApiScope[];
}

/** `last_used_at` is written at most this often per key, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_DAYS = 730;

/** API keys: created by an admin, shown once, kept as hashes, scoped, expiring, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(
    input: { name: string; scopes: string[]; expiresInDays?: number },
    createdBy: string,
  ): Promise<CreatedApiKeyView> {
    const name = input.name.trim();
    const scopes = [...new Set(input.scopes)];
    const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
    const days = input.expiresInDays ?? 365;
    const problems = [
      ...(name.length === 0 || name.length > 100 ? [{ field: 'name', message: 'must be 1 to 100 characters' }] : []),
      ...(scopes.length === 0 || unknown.length > 0
        ? [{ field: 'scopes', message: `must be some of ${API_SCOPES.join(', ')}` }]
        : []),
      ...(!Number.isInteger(days) || days < 1 || days > MAX_DAYS
        ? [{ field: 'expiresInDays', message: `must be a whole number of days from 1 to ${MAX_DAYS}` }]
        : []),
    ];
    if (problems.length > 0) throw DomainException.invalid(problems);
    const now = this.clock.now();
    const { key, hash, hint } = generateApiKey();
    const row = await this.dataSource.transaction(async (manager) => {
      const created = await this.keys.insert(manager, {
        name,
        hash,
        hint,
        scopes,
        createdBy,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * 86_400_000),
      });
      await this.audit.append(manager, {
        at: now.toISOString(),
        actorType: 'user',
        actorId: createdBy,
        action: 'api_key.created',
        caseId: null,
        details: { keyId: created.id },
      });
      return created;
    });
    return Object.assign(toView(row), { key });
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.keys.all();
    return rows.map(toView);
  }

  async revoke(id: string, revokedBy: string): Promise<ApiKeyView> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      throw new DomainException('NOT_FOUND', 'There is no such API key.');
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.keys.revoke(manager, id, now);
      if (!row) throw new DomainException('NOT_FOUND', 'There is no such API key.');
      await this.audit.append(manager, {
        at: now.toISOString(),
        actorType: 'user',
        actorId: revokedBy,
        action: 'api_key.revoked',
        caseId: null,
        details: { keyId: id },
      });
      return toView(row);
    });
  }

  /** The key's caller, if it is known, unexpired and not revoked. */
  async authenticate(token: string): Promise<ApiKeyCaller | undefined> {
    if (!looksLikeApiKey(token)) return undefined;
    const now = this.clock.now();
    const row = await this.keys.findUsable(hashApiKey(token), now);
    if (!row) return undefined;
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.keys.touch(row.id, now);
    }
    return { keyId: row.id, name: row.name, scopes: row.scopes };
  }
}

function toView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    hint: row.key_hint,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
