import { ApiProperty } from '@nestjs/swagger';
import type { CaseEntity } from '../case.entity.js';

/** A decision as the family and the back office read it: outcome, coded reason, and words. */
export class DecisionView {
  @ApiProperty({ enum: ['APPROVED', 'REJECTED'] }) outcome!: 'APPROVED' | 'REJECTED';
  @ApiProperty({ type: String, nullable: true, example: 'NOT_ENTITLED' }) reasonCode!: string | null;
  @ApiProperty({ example: 'The inheritance certificate names another heir.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;

  static from(entity: CaseEntity): DecisionView | null {
    if (!entity.decisionOutcome || !entity.decidedAt) return null;
    return {
      outcome: entity.decisionOutcome,
      reasonCode: entity.decisionReasonCode,
      reason: entity.decisionReason ?? '',
      decidedAt: entity.decidedAt.toISOString(),
    };
  }
}
