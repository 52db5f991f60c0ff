import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Clock, DomainException } from '@app/common';
import type { UserRole } from '../roles.js';
import { HashQueueFullError } from '../users/hash-queue.js';
import { DECOY_HASH, verifyPassword } from '../users/password.js';
import { UsersRepository } from '../users/users.repository.js';
import { SessionsRepository } from './sessions.repository.js';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Who a session token has been checked to be. */
export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
  role: UserRole;
  csrfHash: Buffer;
}

/** Session tokens carry a prefix, so they are never mistaken for a family's access token. */
const TOKEN_PREFIX = 'nks_';
/** Writing last-seen on every request would turn every read into a write; once a minute is enough. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Reviewer sessions: created by logging in, ended by logging out, by the idle or the absolute
 * timeout, or by the user being disabled. Tokens and CSRF tokens are stored only as hashes.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<NewSession> {
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    // Always verify a hash, so an unknown e-mail costs the same time as a wrong password.
    // A malformed stored hash counts as a wrong password; a full hash queue is the server's 503.
    const valid = await verifyPassword(user?.passwordHash ?? DECOY_HASH, password).catch((error: unknown) => {
      if (error instanceof HashQueueFullError) throw error;
      return false;
    });
    if (!user || !valid || user.disabledAt) {
      if (user) await this.record('user.login_failed', user.id, {});
      throw new DomainException('UNAUTHENTICATED', 'The e-mail address or the password is wrong.');
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
    await this.dataSource.transaction(async (manager) => {
      const sessionId = randomUUID();
      await this.sessions.insert(manager, {
        id: sessionId,
        userId: user.id,
        tokenHash: sha256(token),
        csrfHash: sha256(csrfToken),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      });
      await this.audit.append(manager, auditRecord(now, user.id, 'user.login', { sessionId }));
    });
    return { token, csrfToken, expiresAt };
  }

  /** The user behind a session token, or undefined if the token is unknown, ended or expired. */
  async authenticate(token: string): Promise<SessionUser | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = await this.sessions.findLive(sha256(token));
    if (!row) return undefined;
    const now = this.clock.now().getTime();
    const idleUntil = row.last_seen_at.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now >= row.expires_at.getTime() || now >= idleUntil) return undefined;
    if (now - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.touch(row.session_id, new Date(now));
    }
    return {
      sessionId: row.session_id,
      userId: row.user_id,
      email: row.email,
      role: row.role,
      csrfHash: row.csrf_hash,
    };
  }

  async logout(user: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await this.sessions.revoke(manager, user.sessionId, now);
      await this.audit.append(manager, auditRecord(now, user.userId, 'user.logout', { sessionId: user.sessionId }));
    });
  }

  private async record(action: string, userId: string, details: Record<string, string>): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.audit.append(manager, auditRecord(this.clock.now(), userId, action, details)),
    );
  }

  csrfMatches(user: SessionUser, csrfToken: string | undefined): boolean {
    return csrfToken !== undefined && timingSafeEqual(sha256(csrfToken), user.csrfHash);
  }
}

function auditRecord(at: Date, userId: string, action: string, details: Record<string, string>) {
  return { at: at.toISOString(), actorType: 'user' as const, actorId: userId, action, caseId: null, details };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
