import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '@app/common';
import { CaseReviewService } from './case-review.service.js';

/** Runs the expiry of cases the family left unanswered, every EXPIRY_SWEEP_INTERVAL_MINUTES. */
@Injectable()
export class CaseExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseExpiryScheduler.name);

  constructor(
    private readonly review: CaseReviewService,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => {
      this.review.expireOverdue().then(
        (expired) => {
          if (expired > 0) this.logger.log({ expired }, 'Expired cases left unanswered');
        },
        (error: unknown) => this.logger.error({ err: error }, 'Case expiry failed'),
      );
    }, this.config.EXPIRY_SWEEP_INTERVAL_MINUTES * 60_000);
    timer.unref();
    this.scheduler.addInterval(CaseExpiryScheduler.name, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', CaseExpiryScheduler.name)) {
      this.scheduler.deleteInterval(CaseExpiryScheduler.name);
    }
  }
}
