import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { CASE_STATES, type CaseState } from '@app/common';

export class ConfirmEmailDto {
  @ApiProperty({
    description: 'The confirmation code from the e-mail we sent',
    example: 'dGhpcyBpcyBub3QgYSByZWFsIGNvZGUgYXQgYWxsLi4u',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'must be the 43-character code from our e-mail' })
  code!: string;
}

export class EmailConfirmedView {
  @ApiProperty({ example: 'NOK-2026-000123' }) reference!: string;
  @ApiProperty({ enum: CASE_STATES, description: 'READY_FOR_REVIEW when every document was already there' })
  state!: CaseState;
  @ApiProperty() emailConfirmed!: boolean;
}
