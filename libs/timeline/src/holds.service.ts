import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type ActorType, AuditService } from '@app/audit';
import { CURSOR_FIELDS, decodeCursor, DomainException, encodeCursor } from '@app/common';
import { OutboxService } from '@app/notifications';
import { DeadlineRefresher } from './deadline-refresher.service.js';
import type { HoldsQueryDto } from './dto/holds-query.dto.js';
import type { HoldReleaseReason, HoldsPageView, HoldView } from './views/timeline.views.js';

export interface HoldTarget {
  caseId: string;
  caseReference: string;
  accountEmail: string;
}

export interface ReleasedHold extends HoldTarget {
  holdId: string;
}

export interface HoldActor {
  actorType: ActorType;
  actorId: string | null;
}

interface HoldRow {
  id: string;
  account_email: string;
  case_reference: string;
  placed_at: Date;
  released_at: Date | null;
  release_reason: HoldReleaseReason | null;
}

/**
 * Preservation holds: while one is in force on an account, no clock of it runs (domain.md §3).
 * Placing and releasing commit with their audit entry, their outbox event and the refreshed
 * deadlines, in the caller's transaction.
 */
@Injectable()
export class HoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly deadlines: DeadlineRefresher,
  ) {}

  /** Places the case's hold unless one is in force already. True when it placed one. */
  async place(manager: EntityManager, target: HoldTarget, now: Date, actor: HoldActor): Promise<boolean> {
    const [placed] = await manager.query<[{ id: string }?]>(
      `INSERT INTO holds (case_id, case_reference, account_email, placed_at) VALUES ($1, $2, lower($3), $4)
       ON CONFLICT (case_id) WHERE released_at IS NULL DO NOTHING RETURNING id`,
      [target.caseId, target.caseReference, target.accountEmail, now],
    );
    if (!placed) return false;
    await this.audit.append(manager, {
      at: now.toISOString(),
      ...actor,
      action: 'hold.placed',
      caseId: target.caseId,
      details: { holdId: placed.id },
    });
    await this.outbox.add(manager, [
      {
        type: 'hold.placed',
        caseId: target.caseId,
        occurredAt: now,
        payload: { holdId: placed.id, caseReference: target.caseReference },
      },
    ]);
    this.deadlines.refreshAfterCommit(manager, [target.accountEmail]);
    return true;
  }

  async release(
    manager: EntityManager,
    caseId: string,
    reason: HoldReleaseReason,
    now: Date,
    actor: HoldActor,
  ): Promise<void> {
    const released = await manager.query<{ id: string; case_reference: string; account_email: string }[]>(
      `WITH released AS (
         UPDATE holds SET released_at = $2, release_reason = $3 WHERE case_id = $1 AND released_at IS NULL
         RETURNING id, case_reference, account_email
       ) SELECT * FROM released`,
      [caseId, now, reason],
    );
    await this.recordReleases(
      manager,
      released.map((row) => ({
        holdId: row.id,
        caseId,
        caseReference: row.case_reference,
        accountEmail: row.account_email,
      })),
      reason,
      now,
      actor,
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

  /** Releases the holds in force of these cases at once (the sweep's sets). How many it released. */
  async releaseForCases(
    manager: EntityManager,
    caseIds: readonly string[],
    reason: HoldReleaseReason,
    now: Date,
    actor: HoldActor,
  ): Promise<number> {
    if (caseIds.length === 0) return 0;
    const rows = await manager.query<{ id: string; case_id: string; case_reference: string; account_email: string }[]>(
      `WITH released AS (
         UPDATE holds SET released_at = $2, release_reason = $3 WHERE case_id = ANY($1::uuid[]) AND released_at IS NULL
         RETURNING id, case_id, case_reference, account_email
       ) SELECT * FROM released`,
      [caseIds, now, reason],
    );
    await this.recordReleases(
      manager,
      rows.map((row) => ({
        holdId: row.id,
        caseId: row.case_id,
        caseReference: row.case_reference,
        accountEmail: row.account_email,
      })),
      reason,
      now,
      actor,
    );
    return rows.length;
  }

  /** The audit entries, events and deadlines of holds released together (the sweep releases in sets). */
  private async recordReleases(
    manager: EntityManager,
    released: readonly ReleasedHold[],
    reason: HoldReleaseReason,
    now: Date,
    actor: HoldActor,
  ): Promise<void> {
    if (released.length === 0) return;
    await this.audit.appendMany(
      manager,
      released.map((hold) => ({
        at: now.toISOString(),
        ...actor,
        action: 'hold.released',
        caseId: hold.caseId,
        details: { holdId: hold.holdId, reason },
      })),
    );
    await this.outbox.add(
      manager,
      released.map((hold) => ({
        type: 'hold.released' as const,
        caseId: hold.caseId,
        occurredAt: now,
        payload: { holdId: hold.holdId, caseReference: hold.caseReference, reason },
      })),
    );
    this.deadlines.refreshAfterCommit(
      manager,
      released.map((hold) => hold.accountEmail),
    );
  }

  /** Holds, oldest first, paged by keyset; `active` filters those in force (what the platform obeys). */
  async list(query: HoldsQueryDto): Promise<HoldsPageView> {
    const limit = query.limit ?? 100;
    const after =
      query.cursor === undefined ? null : decodeCursor<{ placedAt: string; id: string }>(query.cursor, HOLD_CURSOR);
    if (after === undefined) {
      throw DomainException.invalid([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
    }
    const rows = await this.dataSource.query<HoldRow[]>(
      `SELECT id, account_email, case_reference, placed_at, released_at, release_reason FROM holds
       WHERE ($1::boolean IS NULL OR (released_at IS NULL) = $1)
         AND ($2::timestamptz IS NULL OR (placed_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY placed_at, id LIMIT $4`,
      [query.active ?? null, after?.placedAt ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ placedAt: last.placed_at.toISOString(), id: last.id }) : null,
    };
  }
}

function toView(row: HoldRow): HoldView {
  return {
    id: row.id,
    accountEmail: row.account_email,
    caseReference: row.case_reference,
    placedAt: row.placed_at.toISOString(),
    releasedAt: row.released_at?.toISOString() ?? null,
    releaseReason: row.release_reason,
  };
}

const HOLD_CURSOR = { placedAt: CURSOR_FIELDS.instant, id: CURSOR_FIELDS.uuid };
