import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ActorType, AuditService } from '@app/audit';
import { CURSOR_FIELDS, decodeCursor, DomainException, encodeCursor } from '@app/common';
import { OutboxService } from '@app/notifications';
import { DeadlineRefresher } from './deadline-refresher.service.js';
import type { HoldsQueryDto } from './dto/holds-query.dto.js';
import { type HoldRow, TimelineRepository } from './timeline.repository.js';
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

/**
 * Preservation holds: while one is in force on an account, no clock of it runs (domain.md §3).
 * Placing and releasing commit with their audit entry, their outbox event and the refreshed
 * deadlines, in the caller's transaction.
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly store: TimelineRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly deadlines: DeadlineRefresher,
  ) {}

  /** Places the case's hold unless one is in force already. True when it placed one. */
  async place(manager: EntityManager, target: HoldTarget, now: Date, actor: HoldActor): Promise<boolean> {
    const holdId = await this.store.placeHold(manager, target, now);
    if (holdId === undefined) return false;
    await this.audit.append(manager, {
      at: now.toISOString(),
      ...actor,
      action: 'hold.placed',
      caseId: target.caseId,
      details: { holdId },
    });
    await this.outbox.add(manager, [
      {
        type: 'hold.placed',
        caseId: target.caseId,
        occurredAt: now,
        payload: { holdId, caseReference: target.caseReference },
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
    await this.releaseForCases(manager, [caseId], reason, now, actor);
  }

  /** The cases with a hold in force, placed at or before `placedBy` when given. */
  casesHeld(manager: EntityManager, placedBy?: Date): Promise<string[]> {
    return this.store.casesHeld(manager, placedBy);
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
    const rows = await this.store.releaseHolds(manager, caseIds, reason, now);
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
    const rows = await this.store.holdsPage(query.active, after, limit + 1);
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
