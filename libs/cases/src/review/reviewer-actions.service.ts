import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser } from '@app/identity';
import { CasesRepository } from '../cases.repository.js';
import { CaseTransitions, type TransitionOutcome } from '../state-machine/case-transitions.service.js';
import type { CaseActionDto, ReviewerAction } from './case-action.dto.js';
import { caseByReference } from './case-lookup.js';

/** A reviewer's action on a case (assign, approve, reject…), on the version they saw. */
@Injectable()
export class ReviewerActions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly transitions: CaseTransitions,
  ) {}

  act(reference: string, action: ReviewerAction, body: CaseActionDto, user: SessionUser): Promise<TransitionOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const { id } = await caseByReference(this.cases, reference, manager);
      return this.transitions.apply(manager, {
        caseId: id,
        action,
        actor: { id: user.userId, role: user.role, audit: { actorType: 'user', actorId: user.userId } },
        input: { reasonCode: body.reasonCode, note: body.note, assigneeId: body.assigneeId, override: body.override },
        expectedVersion: body.version,
      });
    });
  }
}
