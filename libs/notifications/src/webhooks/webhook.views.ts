import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SingleLineText } from '@app/common';
import { OUTBOX_EVENT_TYPES, type OutboxEventType } from '../outbox.service.js';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://helpdesk.example.com/hooks/next-of-kin' })
  @IsString()
  @MaxLength(2000)
  @SingleLineText()
  url!: string;

  @ApiProperty({ enum: OUTBOX_EVENT_TYPES, isArray: true, example: ['case.created', 'case.decided'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OUTBOX_EVENT_TYPES.length)
  @IsIn(OUTBOX_EVENT_TYPES, { each: true, message: `each must be one of ${OUTBOX_EVENT_TYPES.join(', ')}` })
  events!: OutboxEventType[];
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: OUTBOX_EVENT_TYPES, isArray: true }) events!: OutboxEventType[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ example: 'whsec_…', description: 'Shown once: verify the nok-signature header with it' })
  secret!: string;
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The event id: the same on every attempt' }) eventId!: string;
  @ApiProperty({ enum: OUTBOX_EVENT_TYPES }) type!: OutboxEventType;
  @ApiProperty({ type: String, nullable: true, example: 'NOK-2026-000123' }) caseReference!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'DEAD: given up after 24 hours of retries' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}
