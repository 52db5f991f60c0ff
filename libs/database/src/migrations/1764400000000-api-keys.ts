import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys for support tooling and the account platform (issue #6): stored as hashes, with scopes;
 * and the channel a case came through.
 */
export class ApiKeys1764400000000 implements MigrationInterface {
  name = 'ApiKeys1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_hash bytea NOT NULL,
        key_hint text NOT NULL,
        scopes text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT api_keys_pkey PRIMARY KEY (id),
        CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
        CONSTRAINT api_keys_name_check CHECK (length(name) BETWEEN 1 AND 100),
        CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['cases:read', 'cases:write', 'documents:read',
          'accounts:write', 'holds:read', 'webhooks:manage']::text[] AND cardinality(scopes) > 0)
      )`);
    // How a case reached us: the family on the web, or support tooling on their behalf.
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN channel text NOT NULL DEFAULT 'WEB',
        ADD COLUMN agent_reference text,
        ADD COLUMN opened_by_key_id uuid CONSTRAINT cases_opened_by_key_id_fkey REFERENCES api_keys (id),
        ADD CONSTRAINT cases_channel_check CHECK (channel IN ('WEB', 'PHONE', 'EMAIL', 'CHAT', 'LETTER', 'IN_PERSON'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases DROP CONSTRAINT cases_channel_check, DROP COLUMN channel, DROP COLUMN agent_reference,
        DROP COLUMN opened_by_key_id`);
    await db.query(`DROP TABLE api_keys`);
  }
}
