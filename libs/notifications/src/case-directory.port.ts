import type { EntityManager } from 'typeorm';
import type { CaseState } from '@app/common';

/** What every event about a case carries: the case as the event's own transaction leaves it. */
export interface CaseStamp {
  reference: string;
  state: CaseState;
}

/** What an e-mail to the family says of their case. */
export interface CaseMailFacts {
  reference: string;
  requesterFullName: string;
  requesterEmail: string;
  requesterLanguage: string;
  subjectFullName: string;
  deficiencyNotice: { note: string; items: string[] } | null;
  decisionOutcome: 'APPROVED' | 'REJECTED' | null;
  decisionReason: string | null;
}

/**
 * The cases, as the outbox and the mail see them. The cases library owns their table and implements
 * this; a port, because the cases depend on the notifications and not the other way round.
 */
export abstract class CaseDirectory {
  abstract stamps(manager: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseStamp>>;
  abstract mailFacts(caseIds: readonly string[]): Promise<Map<string, CaseMailFacts>>;
}
