import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their state history, and their documents (issue #2). Enum values are frozen here on purpose. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE case_reference_seq AS bigint START 1`);
    await db.query(`
      CREATE TABLE cases (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        request_type text NOT NULL,
        state text NOT NULL,
        jurisdiction text NOT NULL,
        subject_status text NOT NULL,
        subject_full_name text NOT NULL,
        subject_account_email text NOT NULL,
        subject_country char(2) NOT NULL,
        subject_date_of_death date,
        requester_full_name text NOT NULL,
        requester_email text NOT NULL,
        requester_relationship text NOT NULL,
        requester_country char(2) NOT NULL,
        requester_language text NOT NULL,
        access_token_hash bytea NOT NULL,
        document_count integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT cases_pkey PRIMARY KEY (id),
        CONSTRAINT cases_reference_key UNIQUE (reference),
        CONSTRAINT cases_access_token_hash_key UNIQUE (access_token_hash),
        CONSTRAINT cases_request_type_check CHECK (request_type IN ('CLOSE_ACCOUNT', 'RELEASE_DATA', 'PRESERVE_DATA')),
        CONSTRAINT cases_state_check CHECK (state IN ('AWAITING_DOCUMENTS', 'READY_FOR_REVIEW', 'IN_REVIEW', 'NEEDS_INFO',
          'AWAITING_SECOND_APPROVAL', 'APPROVED', 'REJECTED', 'APPEALED', 'FULFILLED', 'WITHDRAWN', 'EXPIRED', 'CLOSED')),
        CONSTRAINT cases_jurisdiction_check CHECK (jurisdiction IN ('EU', 'DE', 'CN', 'DEFAULT')),
        CONSTRAINT cases_subject_status_check CHECK (subject_status IN ('DECEASED', 'INCAPACITATED')),
        CONSTRAINT cases_requester_relationship_check CHECK (requester_relationship IN ('SPOUSE', 'PARENT', 'CHILD',
          'SIBLING', 'GRANDPARENT', 'GRANDCHILD', 'OTHER_HEIR', 'EXECUTOR', 'LEGAL_REPRESENTATIVE', 'OTHER')),
        CONSTRAINT cases_access_token_hash_length_check CHECK (octet_length(access_token_hash) = 32),
        CONSTRAINT cases_document_count_check CHECK (document_count >= 0)
      )`);
    await db.query(`CREATE INDEX cases_subject_account_email_idx ON cases (lower(subject_account_email))`);
    await db.query(`CREATE INDEX cases_state_created_at_idx ON cases (state, created_at)`);
    await db.query(`
      CREATE TABLE case_state_changes (
        id bigint GENERATED ALWAYS AS IDENTITY,
        case_id uuid NOT NULL,
        state text NOT NULL,
        at timestamptz NOT NULL,
        CONSTRAINT case_state_changes_pkey PRIMARY KEY (id),
        CONSTRAINT case_state_changes_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX case_state_changes_case_id_at_idx ON case_state_changes (case_id, at)`);
    // Every state a case enters is recorded by the database itself, so no code path can forget it.
    // The time is the case's updated_at, which the application sets from its clock.
    await db.query(`
      CREATE FUNCTION record_case_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
          INSERT INTO case_state_changes (case_id, state, at) VALUES (NEW.id, NEW.state, NEW.updated_at);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_record_state_change AFTER INSERT OR UPDATE OF state ON cases
      FOR EACH ROW EXECUTE FUNCTION record_case_state_change()`);
    await db.query(`
      CREATE TABLE documents (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        type text NOT NULL,
        served_via text,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL,
        key_id text NOT NULL,
        wrapped_key bytea NOT NULL,
        content_iv bytea NOT NULL,
        content_tag bytea NOT NULL,
        verification text NOT NULL DEFAULT 'PENDING',
        rejection_reason text,
        created_at timestamptz NOT NULL,
        CONSTRAINT documents_pkey PRIMARY KEY (id),
        CONSTRAINT documents_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT documents_storage_key_key UNIQUE (storage_key),
        CONSTRAINT documents_size_bytes_check CHECK (size_bytes > 0),
        CONSTRAINT documents_verification_check CHECK (verification IN ('PENDING', 'ACCEPTED', 'REJECTED')),
        CONSTRAINT documents_served_via_check CHECK (served_via IN ('POST', 'COURIER', 'IN_PERSON', 'REGISTERED_AGENT', 'FAX', 'EMAIL'))
      )`);
    await db.query(`CREATE INDEX documents_case_id_created_at_idx ON documents (case_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE documents`);
    await db.query(`DROP TABLE case_state_changes`);
    await db.query(`DROP TABLE cases`);
    await db.query(`DROP FUNCTION record_case_state_change()`);
    await db.query(`DROP SEQUENCE case_reference_seq`);
  }
}
