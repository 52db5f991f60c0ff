import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, DomainException } from '@app/common';
import { JobQueue } from '@app/jobs';
import { WAITING_FOR_FAMILY } from '../case-lifecycle.js';
import { CasesRepository } from '../cases.repository.js';
import { CaseTransitions } from '../state-machine/case-transitions.service.js';

export const CASE_EXPIRY_JOB = 'case-expiry';
const EXPIRY = { id: 'expiry', role: 'system' as const, audit: { actorType: 'system' as const, actorId: 'expiry' } };

/**
 * Expires the cases that waited for the family longer than CASE_EXPIRY_DAYS without any answer, at
 * EXPIRY_SWEEP_CRON, on the job queue: one instance runs each occurrence, and each case moves through
 * the state machine in its own transaction (which judges again whether it has really expired).
 */
@Injectable()
export class CaseExpiryJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.every(CASE_EXPIRY_JOB, this.config.EXPIRY_SWEEP_CRON, async () => ({ expired: await this.run() }));
  }

  /** How many cases expired. */
  async run(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.CASE_EXPIRY_DAYS * 86_400_000);
    let expired = 0;
    for (const caseId of await this.cases.untouchedSince(WAITING_FOR_FAMILY, cutoff)) {
      try {
        await this.dataSource.transaction((manager) =>
          this.transitions.apply(manager, { caseId, action: 'expire', actor: EXPIRY }),
        );
        expired++;
      } catch (error) {
        // Another instance got there first, or the family answered meanwhile: nothing to do.
        if (!(error instanceof DomainException)) throw error;
      }
    }
    return expired;
  }
}
