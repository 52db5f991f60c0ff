import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainException } from '@app/common';
import { checklistInForce } from '@app/checklists';
import type { SessionUser } from '@app/identity';
import { CasesRepository } from '../cases.repository.js';
import { CaseNotes } from '../notes/case-notes.service.js';
import { CaseTransitions, type TransitionOutcome } from '../state-machine/case-transitions.service.js';
import type { JurisdictionChangeDto } from './case-action.dto.js';
import { caseByReference } from './case-lookup.js';

/**
 * A reviewer corrects the jurisdiction, with a reason (kept as a note). The case is re-pinned to
 * that jurisdiction's checklist in force on the day it was submitted, and its documents re-judged.
 */
@Injectable()
export class JurisdictionChange {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitions,
    private readonly notes: CaseNotes,
    private readonly audit: AuditService,
  ) {}

  change(reference: string, body: JurisdictionChangeDto, user: SessionUser): Promise<TransitionOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await caseByReference(this.cases, reference, manager);
      if (entity.jurisdiction === body.jurisdiction) {
        throw DomainException.invalid([{ field: 'jurisdiction', message: `the case is already ${body.jurisdiction}` }]);
      }
      const pinned = checklistInForce(
        body.jurisdiction,
        entity.requestType,
        entity.createdAt.toISOString().slice(0, 10),
      );
      const audit = { actorType: 'user' as const, actorId: user.userId };
      const outcome = await this.transitions.apply(manager, {
        caseId: entity.id,
        action: 'change-jurisdiction',
        actor: { id: user.userId, role: user.role, audit },
        expectedVersion: body.version,
        changes: { jurisdiction: body.jurisdiction, checklistVersion: pinned.version },
      });
      await this.notes.record(
        manager,
        entity.id,
        `Jurisdiction changed from ${entity.jurisdiction} to ${body.jurisdiction}: ${body.reason}`,
        user,
      );
      await this.audit.append(manager, {
        at: outcome.case.updatedAt.toISOString(),
        ...audit,
        action: 'case.jurisdiction_changed',
        caseId: entity.id,
        details: { from: entity.jurisdiction, to: body.jurisdiction, checklistVersion: pinned.version },
      });
      return outcome;
    });
  }
}
