import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { CASE_STATES, type CaseState, CURSOR_FIELDS, decodeCursor, REQUEST_TYPES, type RequestType } from '@app/common';
import { JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import { DeadlineSummaryView } from '@app/timeline';
import type { SlaTimers } from '../sla/sla-timers.js';
import { SlaTimersView } from '../views/sla-timers.views.js';

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  @ApiPropertyOptional({ enum: JURISDICTIONS }) @IsOptional() @IsIn(JURISDICTIONS) jurisdiction?: Jurisdiction;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assignee?: string;
  @ApiPropertyOptional({
    enum: ['risk', 'created'],
    default: 'risk',
    description:
      'risk: the subject who loses data soonest first (unknown accounts first, held ones last); created: oldest first',
  })
  @IsOptional()
  @IsIn(['risk', 'created'])
  sort?: 'risk' | 'created';
  @ApiPropertyOptional({
    enum: ['breached', 'near'],
    description: 'Only cases whose first-review or decision timer is breached (or, with near, about to be)',
  })
  @IsOptional()
  @IsIn(['breached', 'near'])
  sla?: 'breached' | 'near';
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class QueueItemView {
  @ApiProperty({ example: 'NOK-2026-000123' }) reference!: string;
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({ enum: REQUEST_TYPES }) requestType!: RequestType;
  @ApiProperty({ enum: JURISDICTIONS }) jurisdiction!: Jurisdiction;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: SlaTimersView }) sla!: SlaTimers;
  @ApiProperty({
    type: DeadlineSummaryView,
    description: "The subject's next deadline: days left, and whether it is held",
  })
  deadline!: DeadlineSummaryView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt!: string | null;
}

export class QueuePageView {
  @ApiProperty({ type: [QueueItemView] }) items!: QueueItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** Where a page ended, in the order it was read: opaque to callers, checked when it comes back. */
export type QueuePosition =
  | { sort: 'risk'; rank: number; date: string; createdAt: string; id: string }
  | { sort: 'created'; createdAt: string; id: string };

const CREATED_FIELDS = {
  sort: CURSOR_FIELDS.exactly('created'),
  createdAt: CURSOR_FIELDS.instant,
  id: CURSOR_FIELDS.uuid,
};
const RISK_FIELDS = {
  ...CREATED_FIELDS,
  sort: CURSOR_FIELDS.exactly('risk'),
  rank: CURSOR_FIELDS.integer,
  date: CURSOR_FIELDS.date,
};

/** The position, if the cursor is one this API gave out for the same sort. */
export function decodeQueueCursor(cursor: string, sort: QueuePosition['sort']): QueuePosition | undefined {
  return sort === 'risk'
    ? decodeCursor<Extract<QueuePosition, { sort: 'risk' }>>(cursor, RISK_FIELDS)
    : decodeCursor<Extract<QueuePosition, { sort: 'created' }>>(cursor, CREATED_FIELDS);
}

/**
 * The queue's one statement: the page in index order, and each case's state history (for its SLA
 * timers) alongside. A pure function, so the benchmark can run the very same SQL raw.
 */
export function queueStatement(
  filters: Pick<QueueQueryDto, 'state' | 'jurisdiction' | 'assignee'>,
  sort: QueuePosition['sort'],
  after: QueuePosition | undefined,
  limit: number,
): { sql: string; parameters: unknown[] } {
  const where: string[] = [];
  const parameters: unknown[] = [];
  const bind = (value: unknown): string => `$${String(parameters.push(value))}`;
  if (filters.state) where.push(`c.state = ${bind(filters.state)}`);
  if (filters.jurisdiction) where.push(`c.jurisdiction = ${bind(filters.jurisdiction)}`);
  if (filters.assignee) where.push(`c.assignee_id = ${bind(filters.assignee)}::uuid`);
  if (after?.sort === 'risk') {
    where.push(
      `(d.risk_rank, d.risk_date, d.created_at, d.case_id) >
       (${bind(after.rank)}::smallint, ${bind(after.date)}::date, ${bind(after.createdAt)}::timestamptz, ${bind(after.id)}::uuid)`,
    );
  } else if (after) {
    where.push(`(c.created_at, c.id) > (${bind(after.createdAt)}::timestamptz, ${bind(after.id)}::uuid)`);
  }
  const sql = `SELECT c.id, c.reference, c.state, c.request_type, c.jurisdiction, c.assignee_id, c.version, c.created_at,
         d.risk_rank, d.risk_date::text AS risk_date, d.deadline_kind, d.deadline_held, c.escalated_at, h.history
       FROM case_deadlines d
       JOIN cases c ON c.id = d.case_id
       CROSS JOIN LATERAL (
         SELECT coalesce(json_agg(json_build_object('state', s.state, 'at', s.at) ORDER BY s.at, s.id), '[]') AS history
         FROM case_state_changes s WHERE s.case_id = c.id
       ) h
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${sort === 'risk' ? 'd.risk_rank, d.risk_date, d.created_at, d.case_id' : 'c.created_at, c.id'}
       LIMIT ${bind(limit)}`;
  return { sql, parameters };
}
