import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, DomainException } from '@app/common';
import { calendarDateOf, summaryOfRiskKey } from '@app/timeline';
import { CaseEntity } from '../case.entity.js';
import { CaseStateChangeEntity } from '../case-state-change.entity.js';
import { type SlaClocks, slaClocks, slaPolicyOf } from '../sla/sla-clocks.js';
import {
  decodeCursor,
  encodeCursor,
  type QueueItemView,
  type QueuePageView,
  type QueueQueryDto,
} from './case-queue.js';

/** The reviewers' queue, filtered and paged by keyset, each case with its SLA clocks. */
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
    const builder = this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .take(limit + 1);
    if (sort === 'risk') builder.orderBy('c.risk_rank', 'ASC').addOrderBy('c.risk_date', 'ASC');
    builder.addOrderBy('c.created_at', 'ASC').addOrderBy('c.id', 'ASC');
    if (query.state) builder.andWhere('c.state = :state', { state: query.state });
    if (query.jurisdiction) builder.andWhere('c.jurisdiction = :jurisdiction', { jurisdiction: query.jurisdiction });
    if (query.assignee) builder.andWhere('c.assignee_id = :assignee', { assignee: query.assignee });
    if (cursor) {
      const after = decodeCursor(cursor, sort);
      if (!after) throw DomainException.invalid([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
      if (after.sort === 'risk') {
        builder.andWhere(
          '(c.risk_rank, c.risk_date, c.created_at, c.id) > (:rank, CAST(:riskDate AS date), :createdAt::timestamptz, :id::uuid)',
          { rank: after.rank, riskDate: after.date, createdAt: after.createdAt, id: after.id },
        );
      } else {
        builder.andWhere('(c.created_at, c.id) > (:createdAt::timestamptz, :id::uuid)', after);
      }
    }
    const rows = await builder.getMany();
    const page = rows.slice(0, limit);
    const history = page.length
      ? await this.dataSource
          .getRepository(CaseStateChangeEntity)
          .createQueryBuilder('h')
          .where('h.case_id = ANY(:ids)', { ids: page.map((c) => c.id) })
          .orderBy('h.at', 'ASC')
          .getMany()
      : [];
    const now = this.clock.now();
    const today = calendarDateOf(now);
    return {
      items: page.map((c) => ({
        reference: c.reference,
        state: c.state,
        requestType: c.requestType,
        jurisdiction: c.jurisdiction,
        assigneeId: c.assigneeId,
        version: c.version,
        createdAt: c.createdAt.toISOString(),
        sla: slaClocks(
          history.filter((h) => h.caseId === c.id),
          now,
          slaPolicyOf(this.config),
        ),
        deadline: summaryOfRiskKey(
          { rank: c.riskRank, date: c.riskDate, kind: c.deadlineKind, held: c.deadlineHeld },
          today,
        ),
        escalatedAt: c.escalatedAt?.toISOString() ?? null,
      })),
      cursors: page.map((c) =>
        encodeCursor(
          sort === 'risk'
            ? { sort, rank: c.riskRank, date: c.riskDate, createdAt: c.createdAt.toISOString(), id: c.id }
            : { sort, createdAt: c.createdAt.toISOString(), id: c.id },
        ),
      ),
      hasMore: rows.length > limit,
    };
  }
}

function matchesSla(sla: SlaClocks, filter: 'breached' | 'near' | undefined): boolean {
  if (!filter) return true;
  const clocks = [sla.firstReview, sla.decision];
  const breached = clocks.some((clock) => clock.status === 'BREACHED');
  return filter === 'breached' ? breached : breached || clocks.some((clock) => clock.nearBreach);
}
