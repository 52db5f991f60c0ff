import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A history entry may say why the case changed state: a first approval of a release withdrawn
 * because a document changed after it (issue #14), which the family and the first approver read.
 */
export class StateChangeNotes1765250000000 implements MigrationInterface {
  name = 'StateChangeNotes1765250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_state_changes ADD COLUMN note text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_state_changes DROP COLUMN note`);
  }
}
