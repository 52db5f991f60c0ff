import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Access } from '../access/access.decorator.js';
import { DatabasePing, PING_TIMEOUT_MS } from '../health/database-ping.js';
import { ApiProblems } from '../http/api-problems.decorator.js';

@ApiTags('Operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabasePing,
  ) {}

  @Get()
  @Access.public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability (503 when PostgreSQL is unreachable)' })
  @ApiOkResponse({ description: 'The server and its database are up' })
  @ApiProblems(400, 503) // 400: a body labelled JSON that does not parse; the parser runs before every route
  check(): Promise<HealthCheckResult> {
    // Its own connection (see DatabasePing): a busy application pool does not make the database "down".
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(() => this.database.ping())
          .withTimeout(PING_TIMEOUT_MS + 500),
    ]);
  }
}
