import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import { REJECTION_REASONS } from '../state-machine/case-state-machine.js';

export { REVIEWER_ACTIONS, type ReviewerAction } from '../state-machine/case-state-machine.js';

export class CaseActionDto {
  @ApiProperty({ example: 3, description: 'The version you loaded; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: Object.keys(REJECTION_REASONS), description: 'For reject' })
  @IsOptional()
  @IsString()
  reasonCode?: string;

  @ApiPropertyOptional({
    example: 'The inheritance certificate names another heir.',
    description: 'What the family reads: the reason of a rejection, the deficiency notice, an override’s reason',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For assign: who gets the case (default: you)' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'A legal user overriding a guard (with a note)' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}

export class VerificationDto {
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] })
  @IsIn(['ACCEPTED', 'REJECTED'], { message: 'must be ACCEPTED or REJECTED' })
  result!: 'ACCEPTED' | 'REJECTED';

  @ApiPropertyOptional({
    example: 'The scan is unreadable; please send a sharper copy.',
    description: 'Required to reject',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class NoteDto {
  @ApiProperty({ example: 'Called the family: the certificate is on its way by post.' })
  @IsString()
  @MaxLength(4000)
  @MinLength(1)
  body!: string;
}

export class JurisdictionChangeDto {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ enum: JURISDICTIONS, example: 'EU' })
  @IsIn(JURISDICTIONS)
  jurisdiction!: Jurisdiction;

  @ApiProperty({ example: 'The holder had moved to Austria before she died.', description: 'Kept as an internal note' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
