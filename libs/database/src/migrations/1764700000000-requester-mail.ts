import type { MigrationInterface, QueryRunner } from 'typeorm';

/** E-mail to requesters (issue #6): the verified address, and each message with its retries. */
export class RequesterMail1764700000000 implements MigrationInterface {
  name = 'RequesterMail1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN requester_email_verified_at timestamptz`);
    await db.query(`ALTER TABLE outbox_events ADD COLUMN mailed_at timestamptz`);
    await db.query(`CREATE INDEX outbox_events_unmailed_idx ON outbox_events (seq) WHERE mailed_at IS NULL`);
    await db.query(`
      CREATE TABLE mail_messages (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        CONSTRAINT mail_messages_pkey PRIMARY KEY (id),
        CONSTRAINT mail_messages_event_kind_key UNIQUE (event_id, kind),
        CONSTRAINT mail_messages_event_id_fkey FOREIGN KEY (event_id) REFERENCES outbox_events (id),
        CONSTRAINT mail_messages_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT mail_messages_kind_check CHECK (kind IN ('ACKNOWLEDGEMENT', 'DEFICIENCY', 'DECISION', 'DEADLINE')),
        CONSTRAINT mail_messages_status_check CHECK (status IN ('PENDING', 'SENT', 'DEAD'))
      )`);
    await db.query(`CREATE INDEX mail_messages_due_idx ON mail_messages (next_attempt_at) WHERE status = 'PENDING'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_messages`);
    await db.query(`DROP INDEX outbox_events_unmailed_idx`);
    await db.query(`ALTER TABLE outbox_events DROP COLUMN mailed_at`);
    await db.query(`ALTER TABLE cases DROP COLUMN requester_email_verified_at`);
  }
}
