import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffMemberView, UsersService } from '@app/identity';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

/** Back-office colleagues (accounts are created from the CLI). */
@ApiTags('Back office: sessions')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access.staff('reviewer', 'legal', 'admin')
  @ApiOperation({ summary: 'The back-office users: to assign a case, and to name who did what' })
  @ApiOkResponse({ type: [StaffMemberView] })
  @ApiProblems(401, 403)
  list(): Promise<StaffMemberView[]> {
    return this.users.colleagues();
  }
}
