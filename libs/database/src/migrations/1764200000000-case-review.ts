import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What legal review records on a case: who has it, who approved, the decision (issue #4). */
export class CaseReview1764200000000 implements MigrationInterface {
  name = 'CaseReview1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN assignee_id uuid CONSTRAINT cases_assignee_id_fkey REFERENCES users (id),
        ADD COLUMN first_approver_id uuid CONSTRAINT cases_first_approver_id_fkey REFERENCES users (id),
        ADD COLUMN decider_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN decision_outcome text CONSTRAINT cases_decision_outcome_check CHECK (decision_outcome IN ('APPROVED', 'REJECTED')),
        ADD COLUMN decision_reason_code text,
        ADD COLUMN decision_reason text,
        ADD COLUMN decided_at timestamptz`);
    await db.query(`CREATE INDEX cases_assignee_id_idx ON cases (assignee_id) WHERE assignee_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cases_assignee_id_idx`);
    await db.query(`
      ALTER TABLE cases DROP COLUMN assignee_id, DROP COLUMN first_approver_id, DROP COLUMN decider_ids,
        DROP COLUMN decision_outcome, DROP COLUMN decision_reason_code, DROP COLUMN decision_reason, DROP COLUMN decided_at`);
  }
}
