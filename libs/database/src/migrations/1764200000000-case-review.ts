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
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN deficiency_notice jsonb`);
    await db.query(`CREATE INDEX cases_assignee_id_idx ON cases (assignee_id) WHERE assignee_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE case_notes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT case_notes_pkey PRIMARY KEY (id),
        CONSTRAINT case_notes_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT case_notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id),
        CONSTRAINT case_notes_body_check CHECK (length(body) BETWEEN 1 AND 4000)
      )`);
    await db.query(`CREATE INDEX case_notes_case_id_created_at_idx ON case_notes (case_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_notes`);
    await db.query(`DROP INDEX cases_assignee_id_idx`);
    await db.query(`
      ALTER TABLE cases DROP COLUMN assignee_id, DROP COLUMN first_approver_id, DROP COLUMN decider_ids,
        DROP COLUMN decision_outcome, DROP COLUMN decision_reason_code, DROP COLUMN decision_reason, DROP COLUMN decided_at,
        DROP COLUMN deficiency_notice`);
  }
}
