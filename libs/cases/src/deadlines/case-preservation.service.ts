import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseState, RequestType } from '@app/common';
import { DeadlineRefresher, HOLD_RELEASE_REASONS, type HoldActor, HoldsService } from '@app/timeline';
import { ASKS_FOR_DATA, FINAL_STATES } from '../case-lifecycle.js';

export interface PreservedCase {
  id: string;
  reference: string;
  requestType: RequestType;
  subjectAccountEmail: string;
}

/**
 * When a case holds its subject's account (issue #5): a request to see or keep the data places a
 * hold when it is submitted, and again when the family sends documents after it lapsed; the hold
 * goes when the case reaches a final state. Everything in the caller's transaction.
 */
@Injectable()
export class CasePreservation {
  constructor(
    private readonly holds: HoldsService,
    private readonly deadlines: DeadlineRefresher,
  ) {}

  async opened(manager: EntityManager, subject: PreservedCase, now: Date): Promise<void> {
    const placed = ASKS_FOR_DATA.has(subject.requestType)
      ? await this.holds.place(manager, target(subject), now, { actorType: 'requester', actorId: null })
      : false;
    // Placing refreshed the account's cases already; otherwise the new case still needs its copy.
    if (!placed) this.deadlines.refreshAfterCommit(manager, [subject.subjectAccountEmail]);
  }

  async documentsArrived(manager: EntityManager, subject: PreservedCase, now: Date): Promise<void> {
    if (ASKS_FOR_DATA.has(subject.requestType)) {
      await this.holds.place(manager, target(subject), now, { actorType: 'requester', actorId: null });
    }
  }

  async stateChanged(
    manager: EntityManager,
    caseId: string,
    to: CaseState,
    now: Date,
    actor: HoldActor,
  ): Promise<void> {
    const reason = HOLD_RELEASE_REASONS.find((candidate) => candidate === to);
    if (FINAL_STATES.has(to) && reason) await this.holds.release(manager, caseId, reason, now, actor);
  }
}

function target(subject: PreservedCase): { caseId: string; caseReference: string; accountEmail: string } {
  return { caseId: subject.id, caseReference: subject.reference, accountEmail: subject.subjectAccountEmail };
}
