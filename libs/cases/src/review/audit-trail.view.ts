import { ApiProperty } from '@nestjs/swagger';
import { ACTOR_TYPES, type ActorType, type AuditEntry } from '@app/audit';

export class AuditEntryView {
  @ApiProperty({ example: 42 }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ACTOR_TYPES }) actorType!: ActorType;
  @ApiProperty({ type: String, nullable: true, description: 'A user or API key id; null for the family' })
  actorId!: string | null;
  @ApiProperty({ example: 'case.state_changed' }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { from: 'IN_REVIEW', to: 'APPROVED' } })
  details!: AuditEntry['details'];
  @ApiProperty({ description: 'SHA-256 linking this entry to the one before it' }) hash!: string;
}

export class AuditTrailView {
  @ApiProperty({ example: 'NOK-2026-000123' }) reference!: string;
  @ApiProperty({ type: [AuditEntryView] }) entries!: AuditEntryView[];

  static from(reference: string, entries: AuditEntry[]): AuditTrailView {
    return {
      reference,
      entries: entries.map(({ seq, at, actorType, actorId, action, details, hash }) => ({
        seq,
        at,
        actorType,
        actorId,
        action,
        details,
        hash,
      })),
    };
  }
}
