import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IsBcp47Tag,
  IsCalendarDate,
  SingleLineText,
  REQUEST_TYPES,
  RELATIONSHIPS,
  type Relationship,
  type RequestType,
  SUBJECT_STATUSES,
  type SubjectStatus,
} from '@app/common';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const lower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SubjectDto {
  @ApiProperty({ enum: SUBJECT_STATUSES, example: 'DECEASED' })
  @IsIn(SUBJECT_STATUSES, { message: `must be one of ${SUBJECT_STATUSES.join(', ')}` })
  status!: SubjectStatus;

  @ApiProperty({ example: 'Anna Keller', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @SingleLineText()
  fullName!: string;

  @ApiProperty({ example: 'anna.keller@outlook.com', description: 'The address of the account the request is about' })
  @Transform(lower)
  @IsEmail({}, { message: 'must be an e-mail address such as name@outlook.com' })
  @MaxLength(254)
  accountEmail!: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2 country where the account holder lived' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'must be a two-letter country code (ISO 3166-1), such as DE or NL' })
  countryOfResidence!: string;

  @ApiPropertyOptional({
    example: '2026-05-01',
    format: 'date',
    description: 'Required when status is DECEASED; not in the future; absent for INCAPACITATED',
  })
  @ValidateIf((subject: SubjectDto) => subject.status === 'DECEASED' || subject.dateOfDeath !== undefined)
  @IsDefined({ message: 'is required when the subject has died' })
  @IsCalendarDate()
  dateOfDeath?: string;
}

export class RequesterDto {
  @ApiProperty({ example: 'Jonas Keller', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @SingleLineText()
  fullName!: string;

  @ApiProperty({ example: 'jonas@example.org', description: 'Where we write to you about the request' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address such as name@example.org' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: RELATIONSHIPS, example: 'CHILD', description: 'Your relationship to the account holder' })
  @IsIn(RELATIONSHIPS, { message: `must be one of ${RELATIONSHIPS.join(', ')}` })
  relationship!: Relationship;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2 country where you live' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'must be a two-letter country code (ISO 3166-1), such as DE or NL' })
  countryOfResidence!: string;

  @ApiPropertyOptional({ example: 'de', default: 'en', description: 'BCP 47 language tag for messages to you' })
  @IsOptional()
  @IsBcp47Tag()
  language?: string;
}

export class CreateRequestDto {
  @ApiProperty({ enum: REQUEST_TYPES, example: 'RELEASE_DATA' })
  @IsIn(REQUEST_TYPES, { message: `must be one of ${REQUEST_TYPES.join(', ')}` })
  requestType!: RequestType;

  @ApiProperty({ type: SubjectDto, description: 'The person who died or is incapacitated' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject!: SubjectDto;

  @ApiProperty({ type: RequesterDto, description: 'You, the person making the request' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequesterDto)
  requester!: RequesterDto;
}

export const CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'LETTER', 'IN_PERSON'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Support tooling opens a case on behalf of a caller: the family's request, and how it reached us. */
export class SupportCaseDto extends CreateRequestDto {
  @ApiProperty({ enum: CHANNELS, example: 'PHONE', description: 'How the family reached support' })
  @IsIn(CHANNELS, { message: `must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiProperty({ example: 'zendesk:48211', description: "The support agent's or ticket's reference, for the trail" })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @SingleLineText()
  agentReference!: string;
}
