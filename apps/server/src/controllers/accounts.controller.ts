import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { auditActorOf, type Caller, CurrentCaller } from '../access/caller-auth.guard.js';
import {
  AccountActivityDto,
  AccountActivityService,
  AccountEmailParam,
  TimelineQueryDto,
  TimelineView,
} from '@app/timeline';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

/** The account platform reports activity; everyone in the back office reads the clock it gives. */
@ApiTags('Accounts and their clocks')
@ApiParam({ name: 'accountEmail', example: 'anna.keller@outlook.com', description: 'Case does not matter' })
@Controller('api/v1/accounts/:accountEmail')
export class AccountsController {
  constructor(private readonly activity: AccountActivityService) {}

  @Put('activity')
  @Access.staffOrKey('accounts:write', 'admin')
  @ApiOperation({
    summary: "Replace an account's activity facts (the account platform: scope accounts:write)",
    description: 'Answers with the timeline as of today. Every case on the account is re-ordered in the queue.',
  })
  @ApiOkResponse({ type: TimelineView })
  @ApiProblems(400, 401, 403)
  report(
    @Param() { accountEmail }: AccountEmailParam,
    @Body() body: AccountActivityDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TimelineView> {
    return this.activity.report(accountEmail, body, auditActorOf(caller));
  }

  @Get('timeline')
  @Access.staffOrKey('cases:read', 'reviewer', 'legal', 'admin')
  @ApiOperation({ summary: "The account's inactivity timeline on a day: freeze, deletion, closure, what stops them" })
  @ApiOkResponse({ type: TimelineView })
  @ApiProblems(400, 401, 403, 404)
  timeline(@Param() { accountEmail }: AccountEmailParam, @Query() query: TimelineQueryDto): Promise<TimelineView> {
    return this.activity.timeline(accountEmail, query.asOf);
  }
}
