import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountActivity } from './account-activity.js';
import type { CalendarDate } from './calendar-date.js';
import type { HoldReleaseReason } from './views/timeline.views.js';

export interface ActivityRow {
  account_email: string;
  facts: AccountActivity;
  reported_at: Date;
}

export interface HoldRow {
  id: string;
  account_email: string;
  case_id: string;
  case_reference: string;
  placed_at: Date;
  released_at: Date | null;
  release_reason: HoldReleaseReason | null;
}

const HOLD_COLUMNS = 'id, account_email, case_id, case_reference, placed_at, released_at, release_reason';

/**
 * The only SQL on the timeline's two tables: `account_activity` (what the platform reported of each
 * account, and the day its clock next moves) and `holds` (preservation holds, one in force per case
 * at most). Writes take the caller's transaction.
 */
@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async saveActivity(manager: EntityManager, accountEmail: string, facts: AccountActivity, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO account_activity (account_email, facts, reported_at) VALUES ($1, $2, $3)
       ON CONFLICT (account_email) DO UPDATE SET facts = EXCLUDED.facts, reported_at = EXCLUDED.reported_at`,
      [accountEmail, JSON.stringify(facts), at],
    );
  }

  activities(manager: EntityManager, emails: readonly string[]): Promise<ActivityRow[]> {
    return manager.query<ActivityRow[]>(
      'SELECT account_email, facts, reported_at FROM account_activity WHERE account_email = ANY($1::text[])',
      [emails],
    );
  }

  /** The day each account's deadline next changes without new facts (null: never). */
  async setRecomputeOn(
    manager: EntityManager,
    emails: readonly string[],
    days: readonly (CalendarDate | null)[],
  ): Promise<void> {
    await manager.query(
      `UPDATE account_activity a SET recompute_on = u.day
       FROM unnest($1::text[], $2::date[]) AS u(email, day) WHERE a.account_email = u.email`,
      [emails, days],
    );
  }

  /** Makes every account whose facts or holds changed since `since` due on `today`. */
  async markChangedSince(today: CalendarDate, since: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE account_activity SET recompute_on = $1
       WHERE (recompute_on IS NULL OR recompute_on > $1)
         AND (reported_at >= $2 OR account_email IN (
                SELECT account_email FROM holds WHERE placed_at >= $2 OR released_at >= $2))`,
      [today, since],
    );
  }

  /**
   * The accounts due on `today`, in batches, through a cursor in a transaction of its own (one
   * sequential scan, however few are due). There is no index on `recompute_on`, on purpose: its
   * updates stay HOT (no index writes).
   */
  async *dueAccounts(today: CalendarDate, batchSize: number): AsyncGenerator<string[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`Not a calendar date: ${today}`);
    const cursor = this.dataSource.createQueryRunner();
    await cursor.connect();
    try {
      await cursor.startTransaction();
      // DECLARE takes no bind parameters; `today` is a checked calendar date.
      await cursor.query(
        `DECLARE due_accounts NO SCROLL CURSOR FOR
         SELECT account_email FROM account_activity WHERE recompute_on <= '${today}'::date`,
      );
      for (;;) {
        const due = await cursor.manager.query<{ account_email: string }[]>(
          `FETCH FORWARD ${String(batchSize)} FROM due_accounts`,
        );
        if (due.length === 0) break;
        yield due.map((row) => row.account_email);
      }
      await cursor.commitTransaction();
    } finally {
      if (cursor.isTransactionActive) await cursor.rollbackTransaction();
      await cursor.release();
    }
  }

  /** Places the case's hold unless one is in force already; its id when it placed one. */
  async placeHold(
    manager: EntityManager,
    hold: { caseId: string; caseReference: string; accountEmail: string },
    at: Date,
  ): Promise<string | undefined> {
    const [placed] = await manager.query<[{ id: string }?]>(
      `INSERT INTO holds (case_id, case_reference, account_email, placed_at) VALUES ($1, $2, lower($3), $4)
       ON CONFLICT (case_id) WHERE released_at IS NULL DO NOTHING RETURNING id`,
      [hold.caseId, hold.caseReference, hold.accountEmail, at],
    );
    return placed?.id;
  }

  /** Releases the holds in force of these cases; what it released. */
  releaseHolds(
    manager: EntityManager,
    caseIds: readonly string[],
    reason: HoldReleaseReason,
    at: Date,
  ): Promise<HoldRow[]> {
    return manager.query<HoldRow[]>(
      `WITH released AS (
         UPDATE holds SET released_at = $2, release_reason = $3 WHERE case_id = ANY($1::uuid[]) AND released_at IS NULL
         RETURNING ${HOLD_COLUMNS}
       ) SELECT * FROM released`,
      [caseIds, at, reason],
    );
  }

  /** The cases with a hold in force, placed at or before `placedBy` when given. */
  async casesHeld(manager: EntityManager, placedBy?: Date): Promise<string[]> {
    const rows = await manager.query<{ case_id: string }[]>(
      `SELECT case_id FROM holds WHERE released_at IS NULL AND ($1::timestamptz IS NULL OR placed_at <= $1)
       ORDER BY case_id`,
      [placedBy ?? null],
    );
    return rows.map((row) => row.case_id);
  }

  /**
   * The holds on these accounts, oldest first: of reported accounts only (an unreported account has
   * no timeline), or with `onlyCase` only that case's.
   */
  holdsOn(manager: EntityManager, emails: readonly string[], onlyCase?: string): Promise<HoldRow[]> {
    return onlyCase === undefined
      ? manager.query<HoldRow[]>(
          `SELECT ${HOLD_COLUMNS} FROM holds h
           WHERE h.account_email = ANY($1::text[])
             AND EXISTS (SELECT 1 FROM account_activity a WHERE a.account_email = h.account_email)
           ORDER BY h.placed_at`,
          [emails],
        )
      : manager.query<HoldRow[]>(
          `SELECT ${HOLD_COLUMNS} FROM holds WHERE case_id = $2 AND account_email = ANY($1::text[]) ORDER BY placed_at`,
          [emails, onlyCase],
        );
  }

  /** A page of holds in placing order, after the keyset position `after`; `active` filters those in force. */
  holdsPage(
    active: boolean | undefined,
    after: { placedAt: string; id: string } | null,
    limit: number,
  ): Promise<HoldRow[]> {
    return this.dataSource.query<HoldRow[]>(
      `SELECT ${HOLD_COLUMNS} FROM holds
       WHERE ($1::boolean IS NULL OR (released_at IS NULL) = $1)
         AND ($2::timestamptz IS NULL OR (placed_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY placed_at, id LIMIT $4`,
      [active ?? null, after?.placedAt ?? null, after?.id ?? null, limit],
    );
  }
}
