import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseState, RequestType } from '@app/common';
import { DeadlineRefresher, type HoldActor, type HoldReleaseReason, HoldsService } from '@app/timeline';
import { ASKS_FOR_DATA } from '../case-lifecycle.js';

/** The states that end a case's hold, each with its reason. A rejection ends it once final (DeadlineSweep). */
const RELEASED_BY = new Map<CaseState, HoldReleaseReason>([
  ['WITHDRAWN', 'WITHDRAWN'],
  ['EXPIRED', 'EXPIRED'],
  ['CLOSED', 'CLOSED'],
]);

export interface PreservedCase {
  id: string;
  reference: string;
  requestType: RequestType;
  subjectAccountEmail: string;
}

/**
 * When a case holds its subject's account (issue #5): a request to see or keep the data places a
 * hold when it is submitted, and again when the family sends documents after it lapsed; the hold
 * goes when the case is withdrawn, expires or is closed (a fulfilled case keeps it until a reviewer
 * closes it; a rejection lets it go once final, see DeadlineSweep). In the caller's transaction.
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

  /** The requester confirmed their address: a hold that lapsed unconfirmed comes back. */
  async emailConfirmed(manager: EntityManager, subject: PreservedCase, now: Date): Promise<void> {
    return this.documentsArrived(manager, subject, now);
  }

  async stateChanged(
    manager: EntityManager,
    caseId: string,
    to: CaseState,
    now: Date,
    actor: HoldActor,
  ): Promise<void> {
    const reason = RELEASED_BY.get(to);
    if (reason) await this.holds.release(manager, caseId, reason, now, actor);
  }
}

function target(subject: PreservedCase): { caseId: string; caseReference: string; accountEmail: string } {
  return { caseId: subject.id, caseReference: subject.reference, accountEmail: subject.subjectAccountEmail };
}
