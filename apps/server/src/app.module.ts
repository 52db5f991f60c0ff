import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, AppConfigModule, type Clock } from '@app/common';
import { CasesModule } from '@app/cases';
import { DatabaseModule } from '@app/database';
import { ChecklistsController } from './controllers/checklists.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { RequestsController } from './controllers/requests.controller.js';
import { publicRateLimit } from './http/rate-limits.js';

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
        CasesModule,
      ],
      controllers: [RequestsController, ChecklistsController, HealthController],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(publicRateLimit(this.config)).forRoutes(RequestsController, ChecklistsController);
  }
}
