import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainException } from '@app/common';
import { CaseEntity } from '../case.entity.js';
import { CaseStateChangeEntity } from '../case-state-change.entity.js';
import { slaClocks } from '../sla/sla-clocks.js';
import { decodeCursor, encodeCursor, type QueuePageView, type QueueQueryDto } from './case-queue.js';

/** The reviewers' queue, filtered and paged by keyset, each case with its SLA clocks. */
@Injectable()
export class CaseQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async page(query: QueueQueryDto): Promise<QueuePageView> {
    const limit = query.limit ?? 25;
    const builder = this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit + 1);
    if (query.state) builder.andWhere('c.state = :state', { state: query.state });
    if (query.jurisdiction) builder.andWhere('c.jurisdiction = :jurisdiction', { jurisdiction: query.jurisdiction });
    if (query.assignee) builder.andWhere('c.assignee_id = :assignee', { assignee: query.assignee });
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      if (!position) throw DomainException.invalid([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
      builder.andWhere('(c.created_at, c.id) > (:after::timestamptz, :afterId::uuid)', {
        after: position[0],
        afterId: position[1],
      });
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
    const last = page.at(-1);
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
          history.filter((h) => h.caseId === c.id).map((h) => ({ state: h.state, at: h.at })),
          now,
        ),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }
}
