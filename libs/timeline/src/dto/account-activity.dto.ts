import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@app/common';
import {
  type AccountActivity,
  MINOR_ACCOUNT_STATUSES,
  type MinorAccountStatus,
  PURCHASE_KINDS,
  type PurchaseKind,
} from '../account-activity.js';

const lower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class PurchaseDto {
  @ApiProperty({ format: 'date', example: '2024-03-01' }) @IsCalendarDate() at!: string;
  @ApiProperty({ enum: PURCHASE_KINDS, description: 'Only PRODUCT keeps an account active' })
  @IsIn(PURCHASE_KINDS, { message: `must be one of ${PURCHASE_KINDS.join(', ')}` })
  kind!: PurchaseKind;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'date', example: '2023-01-01' }) @IsCalendarDate() startedAt!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'null while it runs; may be a scheduled end',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsCalendarDate()
  endedAt?: string | null;
}

export class MoneyDto {
  @ApiProperty({ example: '12.50', description: 'A decimal string, never a number' })
  @IsString({ message: 'must be a decimal string such as "12.50"' })
  @Matches(/^\d{1,13}(\.\d{1,4})?$/, { message: 'must be a decimal string such as "12.50"' })
  amount!: string;

  @ApiProperty({ example: 'EUR' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as EUR' })
  currency!: string;
}

export class MinorAccountDto {
  @ApiProperty({ example: 'kid@outlook.com' })
  @Transform(lower)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  accountEmail!: string;

  @ApiProperty({ enum: MINOR_ACCOUNT_STATUSES })
  @IsIn(MINOR_ACCOUNT_STATUSES, { message: `must be one of ${MINOR_ACCOUNT_STATUSES.join(', ')}` })
  status!: MinorAccountStatus;
}

/**
 * The account platform's facts about one account (api.md). The whole set is replaced on every PUT;
 * a list or flag left out means none.
 */
export class AccountActivityDto {
  @ApiProperty({ format: 'date', example: '2025-01-10' }) @IsCalendarDate() lastSignInAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsCalendarDate()
  blockedSince?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsCalendarDate()
  closedByHolderAt?: string | null;

  @ApiPropertyOptional({ type: [PurchaseDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PurchaseDto)
  purchases?: PurchaseDto[];

  @ApiPropertyOptional({ type: [SubscriptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubscriptionDto)
  subscriptions?: SubscriptionDto[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() storePublisher?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() certified?: boolean;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  balance?: MoneyDto | null;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  owedByProvider?: MoneyDto | null;

  @ApiPropertyOptional({ type: [MinorAccountDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MinorAccountDto)
  consentedMinorAccounts?: MinorAccountDto[];
}

/** The facts as the calculator reads them: what was left out means none. */
export function toAccountActivity(dto: AccountActivityDto): AccountActivity {
  return {
    lastSignInAt: dto.lastSignInAt,
    blockedSince: dto.blockedSince ?? null,
    closedByHolderAt: dto.closedByHolderAt ?? null,
    purchases: (dto.purchases ?? []).map(({ at, kind }) => ({ at, kind })),
    subscriptions: (dto.subscriptions ?? []).map(({ startedAt, endedAt }) => ({ startedAt, endedAt: endedAt ?? null })),
    storePublisher: dto.storePublisher ?? false,
    certified: dto.certified ?? false,
    balance: dto.balance ? { amount: dto.balance.amount, currency: dto.balance.currency } : null,
    owedByProvider: dto.owedByProvider
      ? { amount: dto.owedByProvider.amount, currency: dto.owedByProvider.currency }
      : null,
    consentedMinorAccounts: (dto.consentedMinorAccounts ?? []).map(({ accountEmail, status }) => ({
      accountEmail,
      status,
    })),
  };
}

export class AccountEmailParam {
  @ApiProperty({ example: 'anna.keller@outlook.com' })
  @Transform(lower)
  @IsEmail({}, { message: 'must be an e-mail address such as name@outlook.com' })
  @MaxLength(254)
  accountEmail!: string;
}

export class TimelineQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'The day to judge the clocks on; today (UTC) by default' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
