import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineCopies, DeadlineCopy, DeadlineCopyChange } from '@app/timeline';

/**
 * The only SQL that writes `case_deadlines`: each case's copy of its subject's next deadline, which
 * the risk queue is ordered by. A case gets its row ("unknown", first in the queue) when it is
 * created; the timeline's DeadlineRefresher keeps the copies current through this (its port
 * DeadlineCopies, so the timeline never touches a case's table).
 */
@Injectable()
export class CaseDeadlinesRepository implements DeadlineCopies {
  async track(manager: EntityManager, caseId: string, createdAt: Date): Promise<void> {
    await manager.query('INSERT INTO case_deadlines (case_id, created_at) VALUES ($1, $2)', [caseId, createdAt]);
  }

  /** The copies of these accounts' cases, locked in case id order (as every multi-row writer locks). */
  lockForAccounts(manager: EntityManager, emails: readonly string[]): Promise<DeadlineCopy[]> {
    return manager.query<DeadlineCopy[]>(
      `SELECT d.case_id AS id, lower(c.subject_account_email) AS email, d.risk_rank, d.risk_date::text AS risk_date,
              d.deadline_kind, d.deadline_held
       FROM cases c JOIN case_deadlines d ON d.case_id = c.id
       WHERE lower(c.subject_account_email) = ANY($1::text[]) ORDER BY d.case_id FOR UPDATE OF d`,
      [emails],
    );
  }

  async write(manager: EntityManager, changed: readonly DeadlineCopyChange[]): Promise<void> {
    if (changed.length === 0) return;
    await manager.query(
      `UPDATE case_deadlines d SET risk_rank = u.rank, risk_date = u.date, deadline_kind = u.kind, deadline_held = u.held
       FROM unnest($1::uuid[], $2::smallint[], $3::date[], $4::text[], $5::boolean[]) AS u(id, rank, date, kind, held)
       WHERE d.case_id = u.id`,
      [
        changed.map((row) => row.id),
        changed.map((row) => row.rank),
        changed.map((row) => row.date),
        changed.map((row) => row.kind),
        changed.map((row) => row.held),
      ],
    );
  }
}
