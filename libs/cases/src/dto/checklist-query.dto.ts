import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsOptional } from 'class-validator';
import { RELATIONSHIPS, type Relationship, REQUEST_TYPES, type RequestType } from '@app/common';

export class ChecklistQueryDto {
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2 country where the account holder lived' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO31661Alpha2({ message: 'must be a two-letter country code (ISO 3166-1), such as DE or NL' })
  country!: string;

  @ApiProperty({ enum: REQUEST_TYPES, example: 'RELEASE_DATA' })
  @IsIn(REQUEST_TYPES, { message: `must be one of ${REQUEST_TYPES.join(', ')}` })
  requestType!: RequestType;

  @ApiPropertyOptional({
    enum: RELATIONSHIPS,
    example: 'CHILD',
    description: 'Tells whether you can satisfy it at all',
  })
  @IsOptional()
  @IsIn(RELATIONSHIPS, { message: `must be one of ${RELATIONSHIPS.join(', ')}` })
  relationship?: Relationship;
}
