import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MultiLineText, SingleLineText } from '@app/common';
import { JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import { REJECTION_REASONS } from '../state-machine/case-state-machine.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export { REVIEWER_ACTIONS, type ReviewerAction } from '../state-machine/case-state-machine.js';

export class CaseActionDto {
  @ApiProperty({ example: 3, description: 'The version you loaded; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: Object.keys(REJECTION_REASONS), description: 'For reject' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  reasonCode?: string;

  @ApiPropertyOptional({
    example: 'The inheritance certificate names another heir.',
    description: 'What the family reads: the reason of a rejection, the deficiency notice, an override’s reason',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @MultiLineText()
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
  @MultiLineText()
  reason?: string;
}

export class NoteDto {
  @ApiProperty({ example: 'Called the family: the certificate is on its way by post.' })
  // A note of only spaces says nothing (and broke the insert): trimmed, then it must hold something.
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must say something' })
  @MaxLength(4000)
  @MultiLineText()
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
  @MultiLineText()
  reason!: string;
}
