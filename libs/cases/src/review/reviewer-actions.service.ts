import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException } from '@app/common';
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
      // An unknown assignee would break the foreign key as a 500; say which id is unknown instead.
      if (action === 'assign' && body.assigneeId) {
        const found = await manager.query<unknown[]>('SELECT 1 FROM users WHERE id = $1', [body.assigneeId]);
        if (found.length === 0) {
          throw new DomainException('NOT_FOUND', `assigneeId: there is no user ${body.assigneeId}.`, [
            { field: 'assigneeId', message: 'names no user' },
          ]);
        }
      }
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
