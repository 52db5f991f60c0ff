import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserRole } from '../roles.js';
import { SessionEntity } from './session.entity.js';

/** A session in force and its user, as the session check reads them. */
export interface LiveSessionRow {
  session_id: string;
  user_id: string;
  email: string;
  role: UserRole;
  csrf_hash: Buffer;
  last_seen_at: Date;
  expires_at: Date;
}

/**
 * The only SQL on `sessions`. `findLive` also reads `users` (UsersRepository owns it) to join a
 * session to its user. Tokens are found by their hash only; writes that are audited take the
 * caller's transaction.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, session: SessionEntity): Promise<void> {
    await manager.insert(SessionEntity, manager.create(SessionEntity, session));
  }

  /**
   * The session with this token hash and its user, unless the session was ended or the user
   * disabled. Whether it has timed out is the caller's to judge.
   */
  async findLive(tokenHash: Buffer): Promise<LiveSessionRow | undefined> {
    const [row] = await this.dataSource.query<[LiveSessionRow?]>(
      `SELECT s.id AS session_id, u.id AS user_id, u.email, u.role, s.csrf_hash, s.last_seen_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    return row;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, at]);
  }

  /** Ends the session, if it has not ended already. */
  async revoke(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
  }

  /** Ends every session of the user that has not ended already. */
  async revokeAllOfUser(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at })
      .where('user_id = :id AND revoked_at IS NULL', { id: userId })
      .execute();
  }
}
