import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import { DocumentsRepository } from '@app/documents';
import type { SessionUser } from '@app/identity';
import { CasesRepository } from '../cases.repository.js';
import { SubjectDeadlines } from '../deadlines/subject-deadlines.service.js';
import { CaseNotesRepository } from '../notes/case-notes.repository.js';
import { slaTimers, slaPolicyOf } from '../sla/sla-timers.js';
import { actionOptions } from '../state-machine/action-options.js';
import { MachineInputs, snapshotOf } from '../state-machine/machine-inputs.js';
import { CaseDetailView, RequesterStatementView } from './case-detail.view.js';
import { caseByReference } from './case-lookup.js';

/**
 * The case page of the back office: the case, its documents and checklist, history and SLA timers,
 * notes, the other cases on the account, the subject's deadlines, and (for a signed-in viewer) the
 * actions the state machine offers them. Read only; commands return what they changed and the
 * controller asks this for the page.
 */
@Injectable()
export class CaseDetailQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsRepository,
    private readonly notes: CaseNotesRepository,
    private readonly inputs: MachineInputs,
    private readonly subjectDeadlines: SubjectDeadlines,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** An API key (no viewer) is offered no actions. */
  async page(reference: string, viewer: SessionUser | null): Promise<CaseDetailView> {
    const manager = this.dataSource.manager;
    const entity = await caseByReference(this.cases, reference, manager);
    const [documents, history, notes, linkedCases, deadlines, statements] = await Promise.all([
      this.documents.listForCase(entity.id, manager),
      this.cases.history(entity.id, manager),
      this.notes.forCase(entity.id, manager),
      this.cases.linkedTo(entity, manager),
      this.subjectDeadlines.forStaff(manager, entity),
      this.cases.statements(entity.id, manager),
    ]);
    const context = await this.inputs.context(manager, entity, documents);
    const snapshot = snapshotOf(entity, documents, history);
    return CaseDetailView.from(
      entity,
      documents,
      history,
      context.checklist,
      slaTimers(history, this.clock.now(), slaPolicyOf(this.config)),
      {
        notes,
        linkedCases,
        statements: statements.map((statement) => RequesterStatementView.from(statement)),
        actions: viewer ? actionOptions(snapshot, { id: viewer.userId, role: viewer.role }, context) : [],
      },
      deadlines,
    );
  }
}
