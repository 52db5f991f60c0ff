import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, AppConfigModule, type Clock } from '@app/common';
import { CasesModule } from '@app/cases';
import { AuditModule } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { JobsModule } from '@app/jobs';
import { NotificationsModule } from '@app/notifications';
import { TimelineModule } from '@app/timeline';
import { AccessPolicyGuard } from './access/access-policy.guard.js';
import { CallerAuthGuard } from './access/caller-auth.guard.js';
import { CaseOnBehalfGuard } from './access/case-on-behalf.guard.js';
import { RequesterAccessGuard } from './access/requester-access.guard.js';
import { SessionAuthGuard } from './access/session-auth.guard.js';
import { DocumentUploadInterceptor } from './http/document-upload.interceptor.js';
import { AuthController } from './controllers/auth.controller.js';
import { AccountsController } from './controllers/accounts.controller.js';
import { ApiKeysController } from './controllers/api-keys.controller.js';
import { WebhooksController } from './controllers/webhooks.controller.js';
import { CasesController } from './controllers/cases.controller.js';
import { ChecklistsController } from './controllers/checklists.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { DatabasePing } from './health/database-ping.js';
import { HoldsController } from './controllers/holds.controller.js';
import { RequestsController } from './controllers/requests.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { IdempotencyInterceptor } from './http/idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './http/idempotency/idempotency.store.js';
import { validateLoginBody } from './http/login-body.js';
import { loginRateLimits, publicRateLimit } from './http/rate-limits.js';

@Module({})
export class AppModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config, clock),
        ScheduleModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        DatabaseModule,
        AuditModule,
        NotificationsModule,
        JobsModule,
        TimelineModule,
        CasesModule,
        IdentityModule,
      ],
      controllers: [
        RequestsController,
        UsersController,
        ChecklistsController,
        AuthController,
        CasesController,
        AccountsController,
        HoldsController,
        ApiKeysController,
        WebhooksController,
        HealthController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessPolicyGuard },
        SessionAuthGuard,
        CallerAuthGuard,
        RequesterAccessGuard,
        CaseOnBehalfGuard,
        DatabasePing,
        DocumentUploadInterceptor,
        IdempotencyStore,
        IdempotencyInterceptor,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(publicRateLimit(this.config)).forRoutes(RequestsController, ChecklistsController);
    // The body is checked before the limiters, so they keep nothing about an invalid one.
    consumer
      .apply(validateLoginBody, ...loginRateLimits(this.config))
      .forRoutes({ path: 'api/v1/auth/login', method: RequestMethod.POST });
  }
}
