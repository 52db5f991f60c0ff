import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HoldsPageView, HoldsQueryDto, HoldsService } from '@app/timeline';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

@ApiTags('Accounts and their clocks')
@Controller('api/v1/holds')
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @Get()
  @Access.staffOrKey('holds:read', 'admin')
  @ApiOperation({
    summary: 'Preservation holds for the account platform to obey (active=true: those in force)',
    description: 'Oldest first, paged by cursor. While a hold is in force, no clock of its account may run.',
  })
  @ApiOkResponse({ type: HoldsPageView })
  @ApiProblems(400, 401, 403)
  list(@Query() query: HoldsQueryDto): Promise<HoldsPageView> {
    return this.holds.list(query);
  }
}
