import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseDirectory, type CaseMailFacts, type CaseStamp } from '@app/notifications';
import { DeadlineCopies } from '@app/timeline';
import { CasesRepository } from './cases.repository.js';
import { CaseDeadlinesRepository } from './deadlines/case-deadlines.repository.js';

/** The notifications' view of the cases, answered from the cases' own repository. */
@Injectable()
export class CasesDirectory implements CaseDirectory {
  constructor(private readonly cases: CasesRepository) {}

  stamps(manager: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseStamp>> {
    return this.cases.stamps(manager, caseIds);
  }

  mailFacts(caseIds: readonly string[]): Promise<Map<string, CaseMailFacts>> {
    return this.cases.mailFacts(caseIds);
  }
}

/**
 * The ports that libraries below the cases declare (CaseDirectory for the outbox and the mail,
 * DeadlineCopies for the timeline), bound to the cases' repositories. Global, because those
 * libraries' own modules (global themselves) are where they are injected.
 */
@Global()
@Module({
  providers: [
    CasesRepository,
    CaseDeadlinesRepository,
    { provide: CaseDirectory, useClass: CasesDirectory },
    { provide: DeadlineCopies, useExisting: CaseDeadlinesRepository },
  ],
  exports: [CasesRepository, CaseDeadlinesRepository, CaseDirectory, DeadlineCopies],
})
export class CasePortsModule {}
