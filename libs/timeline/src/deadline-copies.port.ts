import type { EntityManager } from 'typeorm';
import type { RiskKey } from './next-deadline.js';

/** One case's copy of its subject's next deadline, as stored. */
export interface DeadlineCopy {
  id: string;
  /** The subject's account, lower case. */
  email: string;
  risk_rank: number;
  risk_date: string;
  deadline_kind: string | null;
  deadline_held: boolean;
}

export type DeadlineCopyChange = { id: string } & RiskKey;

/**
 * Where the cases keep their copy of the subject's next deadline. The cases library owns that table
 * and implements this; the timeline only says when an account's clock moved. A port, because the
 * cases depend on the timeline and not the other way round.
 */
export abstract class DeadlineCopies {
  /** The copies of these accounts' cases, locked for the caller's transaction in case id order. */
  abstract lockForAccounts(manager: EntityManager, emails: readonly string[]): Promise<DeadlineCopy[]>;
  abstract write(manager: EntityManager, changed: readonly DeadlineCopyChange[]): Promise<void>;
}
