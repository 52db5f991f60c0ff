import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of POSTs (issue #6): the first answer to each caller's key, kept 24 hours. */
export class Idempotency1764600000000 implements MigrationInterface {
  name = 'Idempotency1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        caller_hash bytea NOT NULL,
        key text NOT NULL,
        fingerprint bytea NOT NULL,
        status integer,
        sealed_body bytea,
        created_at timestamptz NOT NULL,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller_hash, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
  }
}
