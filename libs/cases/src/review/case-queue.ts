import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { CASE_STATES, type CaseState, REQUEST_TYPES, type RequestType } from '@app/common';
import { JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import type { SlaClocks } from '../sla/sla-clocks.js';

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  @ApiPropertyOptional({ enum: JURISDICTIONS }) @IsOptional() @IsIn(JURISDICTIONS) jurisdiction?: Jurisdiction;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assignee?: string;
  @ApiPropertyOptional({
    enum: ['risk', 'created'],
    default: 'risk',
    description: 'risk: data at risk soonest first (until account timelines exist: the longest waiting first)',
  })
  @IsOptional()
  @IsIn(['risk', 'created'])
  sort?: 'risk' | 'created';
  @ApiPropertyOptional({
    enum: ['breached', 'near'],
    description: 'Only cases whose first-review or decision clock is breached (or, with near, about to be)',
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
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) sla!: SlaClocks;
}

export class QueuePageView {
  @ApiProperty({ type: [QueueItemView] }) items!: QueueItemView[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

/** Keyset pagination: the cursor is the position of the last item, opaque to callers. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')
      ? (value as [string, string])
      : undefined;
  } catch {
    return undefined;
  }
}
