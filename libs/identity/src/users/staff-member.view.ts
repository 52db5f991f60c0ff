import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../roles.js';

/** A back-office user as colleagues see them: to assign cases and to name who did what. */
export class StaffMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'rita@example.org' }) email!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ description: 'False once disabled: still named on the cases they worked' }) active!: boolean;
}
