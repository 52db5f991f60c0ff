import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SingleLineText } from '@app/common';
import { API_SCOPES, type ApiScope } from './api-key.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Helpdesk (Zendesk app)' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @SingleLineText()
  name!: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true, example: ['cases:read', 'cases:write'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_SCOPES.length)
  @IsIn(API_SCOPES, { each: true, message: `each must be one of ${API_SCOPES.join(', ')}` })
  scopes!: ApiScope[];

  @ApiPropertyOptional({ default: 365, minimum: 1, maximum: 730 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'nok_key_Qx3v…', description: 'The first characters, to recognise it' }) hint!: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes!: ApiScope[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ example: 'nok_key_…', description: 'Shown once. Only its hash is kept.' }) key!: string;
}
