import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A family's view reads only its own case's holds, released ones included; the partial unique index
 * covers only the one in force.
 */
export class HoldsByCase1764900000000 implements MigrationInterface {
  name = 'HoldsByCase1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX holds_case_id_idx ON holds (case_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX holds_case_id_idx`);
  }
}
