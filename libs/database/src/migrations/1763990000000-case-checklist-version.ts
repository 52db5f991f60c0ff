import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each case is pinned to the checklist version in force on the day it was submitted (issue #3). */
export class CaseChecklistVersion1763990000000 implements MigrationInterface {
  name = 'CaseChecklistVersion1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN checklist_version text`);
    // Cases from before checklists existed are judged by the first version of their jurisdiction.
    await db.query(`UPDATE cases SET checklist_version = jurisdiction || '-1'`);
    await db.query(`ALTER TABLE cases ALTER COLUMN checklist_version SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN checklist_version`);
  }
}
