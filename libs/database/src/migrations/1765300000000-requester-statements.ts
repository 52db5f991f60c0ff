import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The family's own words (issue #14, item 8): an appeal's statement (later, a withdrawal's reason and
 * an answer to a request for more information), kept with the decision it answers as it stood then.
 */
export class RequesterStatements1765300000000 implements MigrationInterface {
  name = 'RequesterStatements1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE requester_statements (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('APPEAL', 'WITHDRAWAL', 'INFORMATION_ANSWER')),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        answers_state_change_id bigint REFERENCES case_state_changes(id),
        decision_outcome text,
        decision_reason_code text,
        decision_reason text,
        decided_at timestamptz,
        decided_by text,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX requester_statements_case ON requester_statements (case_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE requester_statements`);
  }
}
