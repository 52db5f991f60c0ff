import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Access } from '../access/access.decorator.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

@ApiTags('Operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Access.public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when PostgreSQL is unreachable)' })
  @ApiOkResponse({ description: 'The server and its database are up' })
  @ApiProblems(400, 503) // 400: a body labelled JSON that does not parse; the parser runs before every route
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
