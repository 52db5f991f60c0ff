import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document whose stored copy could not be read for scanning waits until `scan_retry_at`, so the
 * documents behind it are scanned meanwhile instead of stalling behind it.
 */
export class ScanRetry1765000000000 implements MigrationInterface {
  name = 'ScanRetry1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE documents ADD COLUMN scan_retry_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE documents DROP COLUMN scan_retry_at`);
  }
}
