import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'reviewer@example.org' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class SessionView {
  @ApiProperty({ example: 'nks_3q2…', description: 'Send as "Authorization: Bearer <token>"; shown once' })
  token!: string;
  @ApiProperty({ description: 'For the web UI: send in the x-csrf-token header with the session cookie' })
  csrfToken!: string;
  @ApiProperty({ format: 'date-time', description: 'The latest the session can last; it also ends when idle' })
  expiresAt!: string;
}

export class MeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'reviewer@example.org' }) email!: string;
  @ApiProperty({ enum: ['reviewer', 'legal', 'admin'] }) role!: string;
}
