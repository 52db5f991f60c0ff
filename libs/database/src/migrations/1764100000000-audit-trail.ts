import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit trail (issue #4). The database itself refuses UPDATE, DELETE
 * and TRUNCATE on it, whoever asks; only a superuser disabling the trigger could, and the chain
 * and its exported checkpoints reveal that too.
 */
export class AuditTrail1764100000000 implements MigrationInterface {
  name = 'AuditTrail1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_entries (
        seq bigint NOT NULL,
        at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        action text NOT NULL,
        case_id uuid,
        details jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT audit_entries_pkey PRIMARY KEY (seq),
        CONSTRAINT audit_entries_hash_key UNIQUE (hash),
        CONSTRAINT audit_entries_actor_type_check CHECK (actor_type IN ('user', 'requester', 'api-key', 'system'))
      )`);
    await db.query(`CREATE INDEX audit_entries_case_id_seq_idx ON audit_entries (case_id, seq)`);
    await db.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`);
    await db.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entries`);
    await db.query(`DROP FUNCTION refuse_audit_change()`);
  }
}
