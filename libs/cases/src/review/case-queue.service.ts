import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  type CaseState,
  Clock,
  DomainException,
  encodeCursor,
  type RequestType,
  type TimelineEventKind,
} from '@app/common';
import type { Jurisdiction } from '@app/checklists';
import { calendarDateOf, summaryOfRiskKey } from '@app/timeline';
import { type SlaTimers, slaTimers, slaPolicyOf } from '../sla/sla-timers.js';
import {
  decodeQueueCursor,
  queueStatement,
  type QueueItemView,
  type QueuePageView,
  type QueueQueryDto,
} from './case-queue.js';

/** The reviewers' queue, filtered and paged by keyset, each case with its SLA timers. */
@Injectable()
export class CaseQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * One page of the queue. The SLA filter is computed (business days, pauses), not stored, so it
   * reads on through the ordered cases until the page is full.
   */
  async page(query: QueueQueryDto): Promise<QueuePageView> {
    const limit = query.limit ?? 25;
    const items: QueueItemView[] = [];
    let cursor = query.cursor;
    for (;;) {
      const batch = await this.batch(query, cursor, limit);
      for (const [index, item] of batch.items.entries()) {
        if (!matchesSla(item.sla, query.sla)) continue;
        items.push(item);
        if (items.length === limit) {
          const more = index < batch.items.length - 1 || batch.hasMore;
          return { items, nextCursor: more ? batch.cursors[index] : null };
        }
      }
      if (!batch.hasMore) return { items, nextCursor: null };
      cursor = batch.cursors.at(-1);
    }
  }

  private async batch(
    query: QueueQueryDto,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: QueueItemView[]; cursors: string[]; hasMore: boolean }> {
    const sort = query.sort ?? 'risk';
    const after = cursor === undefined ? undefined : decodeQueueCursor(cursor, sort);
    if (cursor !== undefined && !after) {
      throw DomainException.invalid([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
    }
    const statement = queueStatement(query, sort, after, limit + 1);
    const rows = await this.dataSource.query<QueueRow[]>(statement.sql, statement.parameters);
    const page = rows.slice(0, limit);
    const now = this.clock.now();
    const today = calendarDateOf(now);
    const policy = slaPolicyOf(this.config);
    return {
      items: page.map((c) => ({
        reference: c.reference,
        state: c.state,
        requestType: c.request_type,
        jurisdiction: c.jurisdiction,
        assigneeId: c.assignee_id,
        version: c.version,
        createdAt: c.created_at.toISOString(),
        sla: slaTimers(
          c.history.map((entry) => ({ state: entry.state, at: new Date(entry.at) })),
          now,
          policy,
        ),
        deadline: summaryOfRiskKey(
          { rank: c.risk_rank, date: c.risk_date, kind: c.deadline_kind, held: c.deadline_held },
          today,
        ),
        escalatedAt: c.escalated_at?.toISOString() ?? null,
      })),
      cursors: page.map((c) =>
        encodeCursor(
          sort === 'risk'
            ? { sort, rank: c.risk_rank, date: c.risk_date, createdAt: c.created_at.toISOString(), id: c.id }
            : { sort, createdAt: c.created_at.toISOString(), id: c.id },
        ),
      ),
      hasMore: rows.length > limit,
    };
  }
}

interface QueueRow {
  id: string;
  reference: string;
  state: CaseState;
  request_type: RequestType;
  jurisdiction: Jurisdiction;
  assignee_id: string | null;
  version: number;
  created_at: Date;
  risk_rank: number;
  risk_date: string;
  deadline_kind: TimelineEventKind | null;
  deadline_held: boolean;
  escalated_at: Date | null;
  history: { state: CaseState; at: string }[];
}

function matchesSla(sla: SlaTimers, filter: 'breached' | 'near' | undefined): boolean {
  if (!filter) return true;
  const timers = [sla.firstReview, sla.decision];
  const breached = timers.some((timer) => timer.status === 'BREACHED');
  return filter === 'breached' ? breached : breached || timers.some((timer) => timer.nearBreach);
}
