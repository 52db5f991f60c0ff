import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { JobQueue } from '@app/jobs';
import { CaseReviewService } from './case-review.service.js';

export const CASE_EXPIRY_JOB = 'case-expiry';

/**
 * Expires the cases the family left unanswered, at EXPIRY_SWEEP_CRON, on the job queue: one
 * instance runs each occurrence (each case still moves through the state machine on its own).
 */
@Injectable()
export class CaseExpiryJob implements OnModuleInit {
  constructor(
    private readonly review: CaseReviewService,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.every(CASE_EXPIRY_JOB, this.config.EXPIRY_SWEEP_CRON, async () => ({
      expired: await this.review.expireOverdue(),
    }));
  }
}
