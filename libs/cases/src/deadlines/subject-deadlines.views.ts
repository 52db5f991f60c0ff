import { ApiProperty } from '@nestjs/swagger';
import { EVENT_STATES, type EventState, TIMELINE_EVENT_KINDS, type TimelineEventKind } from '@app/common';
import { DeadlineSummaryView, TimelineView } from '@app/timeline';

export class FamilyDeadlineEventView {
  @ApiProperty({ enum: TIMELINE_EVENT_KINDS }) kind!: TimelineEventKind;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: something keeps the account open' })
  date!: string | null;
  @ApiProperty({ enum: EVENT_STATES }) state!: EventState;
  @ApiProperty({ description: 'Your request stops this clock' }) heldByYourRequest!: boolean;
}

export class YourHoldView {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'The hold lapses on this day unless you confirm your e-mail address (see untilEmailConfirmed) or send a document first; null once neither is missing',
  })
  lapsesOn!: string | null;
  @ApiProperty({
    description: 'True while your e-mail address is not confirmed: the hold ends UNCONFIRMED_HOLD_DAYS after it began',
  })
  untilEmailConfirmed!: boolean;
}

/**
 * The family's view of the account's clock: "mail and files would be deleted on …; your request
 * holds them". Only this request's hold counts: a family must not learn that another case exists.
 */
export class FamilyDeadlinesView {
  @ApiProperty({
    description:
      'False until a reviewer accepted the proof of death (or incapacity) and your identity: until then no account dates are shown (known false, no events), whether or not the platform reported the account',
  })
  datesShown!: boolean;
  @ApiProperty({
    description: 'False until the account platform reported the account (and always while datesShown is false)',
  })
  known!: boolean;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: DeadlineSummaryView, description: 'What is lost next; `held`: your request stops it' })
  next!: DeadlineSummaryView;
  @ApiProperty({ type: [FamilyDeadlineEventView] }) events!: FamilyDeadlineEventView[];
  @ApiProperty({ type: YourHoldView, nullable: true }) hold!: YourHoldView | null;
  @ApiProperty({ example: 0, description: 'Recent activity can take 30 days to show: dates may move that much' })
  uncertaintyDays!: number;
}

/** The back office's view: the whole timeline (every hold, every exception) and the summary. */
export class StaffDeadlinesView {
  @ApiProperty({ type: DeadlineSummaryView }) deadline!: DeadlineSummaryView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the sweep escalated the case' })
  escalatedAt!: string | null;
  @ApiProperty({ type: TimelineView, nullable: true, description: 'null: no activity reported yet' })
  timeline!: TimelineView | null;
}
