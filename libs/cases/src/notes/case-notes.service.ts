import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock } from '@app/common';
import type { SessionUser } from '@app/identity';
import { CasesRepository } from '../cases.repository.js';
import { caseByReference } from '../review/case-lookup.js';
import { CaseNotesRepository } from './case-notes.repository.js';

/** Internal notes on a case, each audited; the family never sees them. */
@Injectable()
export class CaseNotes {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly notes: CaseNotesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async add(reference: string, body: string, user: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await caseByReference(this.cases, reference, manager);
      await this.record(manager, entity.id, body, user);
    });
  }

  /** In the caller's transaction: a note that explains another change commits with it. */
  async record(manager: EntityManager, caseId: string, body: string, user: SessionUser): Promise<void> {
    const now = this.clock.now();
    const noteId = await this.notes.insert(manager, caseId, user.userId, body.trim(), now);
    await this.audit.append(manager, {
      at: now.toISOString(),
      actorType: 'user',
      actorId: user.userId,
      action: 'case.note_added',
      caseId,
      details: { noteId },
    });
  }
}
