import { ApiProperty } from '@nestjs/swagger';
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  EVENT_STATES,
  type EventState,
  STOP_REASONS,
  type StopReason,
  type Timeline,
  TIMELINE_EVENT_KINDS,
  type TimelineEventKind,
} from '../account-activity.js';
import type { DeadlineSummary } from '../next-deadline.js';

export class DeadlineSummaryView implements DeadlineSummary {
  @ApiProperty({
    enum: ['UNKNOWN', 'UPCOMING', 'STOPPED', 'NONE'],
    description: 'UNKNOWN: no activity reported for the account (treated as most at risk). NONE: nothing left to lose.',
  })
  status!: DeadlineSummary['status'];
  @ApiProperty({ enum: TIMELINE_EVENT_KINDS, nullable: true }) kind!: TimelineEventKind | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'For STOPPED: the date it would fall on' })
  date!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 41 }) daysLeft!: number | null;
  @ApiProperty({ description: 'A preservation hold stops the clock' }) held!: boolean;
}

export class TimelineEventView {
  @ApiProperty({ enum: TIMELINE_EVENT_KINDS }) kind!: TimelineEventKind;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date!: string | null;
  @ApiProperty({ enum: EVENT_STATES }) state!: EventState;
  @ApiProperty({ enum: STOP_REASONS, isArray: true }) stoppedBy!: StopReason[];
}

export class TimelineHoldView {
  @ApiProperty({ example: 'NOK-2026-000123' }) caseReference!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

/** GET /api/v1/accounts/{accountEmail}/timeline (api.md), with when the facts were reported. */
export class TimelineView {
  @ApiProperty({ example: 'anna.keller@outlook.com' }) accountEmail!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ example: '2020-11-06' }) policyVersion!: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ type: [TimelineEventView] }) events!: TimelineEventView[];
  @ApiProperty({ enum: STOP_REASONS, isArray: true }) exceptions!: StopReason[];
  @ApiProperty({ type: [TimelineHoldView] }) holds!: TimelineHoldView[];
  @ApiProperty({ example: 30, description: 'Activity can take up to 30 days to show: dates may move that much later' })
  uncertaintyDays!: number;
  @ApiProperty({ format: 'date-time', description: 'When the account platform last reported the facts' })
  reportedAt!: string;
  @ApiProperty({ type: DeadlineSummaryView }) nextDeadline!: DeadlineSummaryView;

  static from(accountEmail: string, timeline: Timeline, reportedAt: Date, next: DeadlineSummary): TimelineView {
    return {
      accountEmail,
      asOf: timeline.asOf,
      policyVersion: timeline.policyVersion,
      status: timeline.status,
      events: timeline.events.map((event) => ({ ...event, stoppedBy: [...event.stoppedBy] })),
      exceptions: [...timeline.exceptions],
      holds: timeline.holds.map((hold) => ({ ...hold })),
      uncertaintyDays: timeline.uncertaintyDays,
      reportedAt: reportedAt.toISOString(),
      nextDeadline: next,
    };
  }
}

/** Why a hold ended: the family sent nothing in time, or the case ended (a rejection once final). */
export const HOLD_RELEASE_REASONS = ['LAPSED', 'WITHDRAWN', 'EXPIRED', 'CLOSED', 'REJECTED'] as const;
export type HoldReleaseReason = (typeof HOLD_RELEASE_REASONS)[number];

export class HoldView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'anna.keller@outlook.com' }) accountEmail!: string;
  @ApiProperty({ example: 'NOK-2026-000123' }) caseReference!: string;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: string | null;
  @ApiProperty({ enum: HOLD_RELEASE_REASONS, nullable: true }) releaseReason!: HoldReleaseReason | null;
}

export class HoldsPageView {
  @ApiProperty({ type: [HoldView] }) items!: HoldView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
