import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/common';
import type { DocumentEntity } from '@app/documents';
import { type CaseChecklist, evaluateCaseChecklist } from '../case-checklist.js';
import type { CaseEntity } from '../case.entity.js';
import {
  APPEAL_WINDOW_DAYS,
  ASKS_FOR_DATA,
  emailConfirmed,
  FINAL_STATES,
  WAITING_FOR_FAMILY,
} from '../case-lifecycle.js';
import type { CaseStateChangeEntity } from '../case-state-change.entity.js';
import { CasesRepository } from '../cases.repository.js';
import type { CaseAction, CaseSnapshot, TransitionContext } from './case-state-machine.js';

/** The machine's inputs that do not depend on the acting person's own words. */
export type MachineContext = Omit<
  TransitionContext,
  'reasonCode' | 'note' | 'assigneeId' | 'override' | 'checklist'
> & {
  checklist: CaseChecklist;
};

/**
 * What the state machine judges a case by, gathered from the store: the same for the writer
 * (CaseTransitions) and for the case page (the actions a viewer is offered), so the offer and the
 * rule cannot drift apart.
 */
@Injectable()
export class MachineInputs {
  constructor(
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** `action` narrows the reads to what that action looks at; without one, everything (the case page). */
  async context(
    manager: EntityManager,
    entity: CaseEntity,
    documents: readonly DocumentEntity[],
    action?: CaseAction,
  ): Promise<MachineContext> {
    return {
      now: this.clock.now(),
      checklist: evaluateCaseChecklist(entity, documents),
      addressConfirmed: emailConfirmed(this.config.REQUIRE_EMAIL_VERIFICATION, entity.requesterEmailVerifiedAt),
      // Only closing an account looks at the other requests on it.
      openDataRequestsOnAccount:
        action === undefined || action === 'fulfil'
          ? await this.cases.countOthersOnAccount(manager, entity, ASKS_FOR_DATA, [...FINAL_STATES, 'REJECTED'])
          : 0,
      policy: { appealWindowDays: APPEAL_WINDOW_DAYS, expiryDays: this.config.CASE_EXPIRY_DAYS },
    };
  }
}

/** The case as the state machine sees it. */
export function snapshotOf(
  entity: CaseEntity,
  documents: readonly DocumentEntity[],
  history: readonly CaseStateChangeEntity[],
): CaseSnapshot {
  return {
    state: entity.state,
    requestType: entity.requestType,
    assigneeId: entity.assigneeId,
    firstApproverId: entity.firstApproverId,
    deciderIds: entity.deciderIds,
    rejectedAt: entity.decisionOutcome === 'REJECTED' ? entity.decidedAt : null,
    waitingForFamilySince: WAITING_FOR_FAMILY.has(entity.state) ? lastFamilyActivity(history, documents) : null,
  };
}

/** When the family last did something: entered the waiting state, or sent a document. */
function lastFamilyActivity(
  history: readonly CaseStateChangeEntity[],
  documents: readonly DocumentEntity[],
): Date | null {
  const times = [...history.slice(-1), ...documents].map((item) => ('at' in item ? item.at : item.createdAt).getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}
