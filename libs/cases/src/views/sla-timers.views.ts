import { ApiProperty } from '@nestjs/swagger';
import type { SlaTimer } from '../sla/sla-timers.js';

const SLA_TIMER_STATUSES = ['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'] as const satisfies SlaTimer['status'][];

/** An SlaTimer as the JSON carries it (its dates as ISO strings): the schema of `sla` in the views. */
export class SlaTimerView {
  @ApiProperty({ enum: SLA_TIMER_STATUSES }) status!: SlaTimer['status'];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the time runs out if the timer keeps running; null while paused or stopped',
  })
  dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the promise was kept' })
  metAt!: string | null;
  @ApiProperty({ description: 'Less than a quarter of the time is left' }) nearBreach!: boolean;
  @ApiProperty({ description: "Time used so far, in the timer's unit (business or calendar milliseconds)" })
  usedMs!: number;
  @ApiProperty({ description: 'The time promised, in the same unit' }) budgetMs!: number;
}

export class SlaTimersView {
  @ApiProperty({ type: SlaTimerView, description: 'To the first review action (business days)' })
  firstReview!: SlaTimerView;
  @ApiProperty({ type: SlaTimerView, description: 'To a decision (calendar days)' }) decision!: SlaTimerView;
}
