import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account clock (issue #5): reported account activity, preservation holds, each case's copy of
 * its subject's next deadline (ordered for the risk queue), escalation, the outbox of events, the
 * daily sweeps.
 */
export class AccountTimeline1764300000000 implements MigrationInterface {
  name = 'AccountTimeline1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_activity (
        account_email text NOT NULL,
        facts jsonb NOT NULL,
        reported_at timestamptz NOT NULL,
        recompute_on date,
        CONSTRAINT account_activity_pkey PRIMARY KEY (account_email),
        CONSTRAINT account_activity_account_email_check CHECK (account_email = lower(account_email))
      ) WITH (fillfactor = 80)`);
    // No index on recompute_on, on purpose: the sweep reads the due accounts in one sequential scan,
    // and updates of recompute_on stay HOT (in-page, no index writes).
    await db.query(`
      CREATE TABLE holds (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        case_reference text NOT NULL,
        account_email text NOT NULL,
        placed_at timestamptz NOT NULL,
        released_at timestamptz,
        release_reason text,
        CONSTRAINT holds_pkey PRIMARY KEY (id),
        CONSTRAINT holds_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT holds_account_email_check CHECK (account_email = lower(account_email)),
        CONSTRAINT holds_release_check CHECK ((released_at IS NULL) = (release_reason IS NULL)),
        CONSTRAINT holds_release_reason_check
          CHECK (release_reason IN ('LAPSED', 'WITHDRAWN', 'EXPIRED', 'CLOSED', 'REJECTED'))
      )`);
    await db.query(`CREATE UNIQUE INDEX holds_case_id_active_key ON holds (case_id) WHERE released_at IS NULL`);
    await db.query(`CREATE INDEX holds_account_email_idx ON holds (account_email)`);
    await db.query(`CREATE INDEX holds_active_placed_at_idx ON holds (placed_at, id) WHERE released_at IS NULL`);
    // Each case's copy of its subject's next deadline, in a narrow table of its own: the sweep rewrites
    // it for every account whose clock moved, and a row here has two indexes to keep, not eight.
    await db.query(`
      CREATE TABLE case_deadlines (
        case_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        risk_rank smallint NOT NULL DEFAULT 0,
        risk_date date NOT NULL DEFAULT '9999-12-31',
        deadline_kind text,
        deadline_held boolean NOT NULL DEFAULT false,
        CONSTRAINT case_deadlines_pkey PRIMARY KEY (case_id),
        CONSTRAINT case_deadlines_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT case_deadlines_risk_rank_check CHECK (risk_rank BETWEEN 0 AND 3)
      )`);
    await db.query(
      `CREATE INDEX case_deadlines_risk_queue_idx ON case_deadlines (risk_rank, risk_date, created_at, case_id)`,
    );
    // Every case has its row from the start ("unknown", first in the queue), whatever code inserts it.
    await db.query(`
      CREATE FUNCTION add_case_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_deadlines (case_id, created_at) VALUES (NEW.id, NEW.created_at);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_add_deadline AFTER INSERT ON cases
      FOR EACH ROW EXECUTE FUNCTION add_case_deadline()`);
    await db.query(`ALTER TABLE cases ADD COLUMN escalated_at timestamptz`);
    await db.query(`CREATE INDEX cases_escalated_idx ON cases (id) WHERE escalated_at IS NOT NULL`);
    await db.query(`CREATE INDEX cases_created_at_id_idx ON cases (created_at, id)`);
    await db.query(`
      CREATE TABLE outbox_events (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        type text NOT NULL,
        case_id uuid,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        CONSTRAINT outbox_events_pkey PRIMARY KEY (seq),
        CONSTRAINT outbox_events_id_key UNIQUE (id),
        CONSTRAINT outbox_events_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id)
      )`);
    await db.query(`
      CREATE TABLE deadline_sweeps (
        day date NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        figures jsonb,
        CONSTRAINT deadline_sweeps_pkey PRIMARY KEY (day)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE deadline_sweeps`);
    await db.query(`DROP TABLE outbox_events`);
    await db.query(`DROP INDEX cases_created_at_id_idx`);
    await db.query(`DROP INDEX cases_escalated_idx`);
    await db.query(`ALTER TABLE cases DROP COLUMN escalated_at`);
    await db.query(`DROP TRIGGER cases_add_deadline ON cases`);
    await db.query(`DROP FUNCTION add_case_deadline()`);
    await db.query(`DROP TABLE case_deadlines`);
    await db.query(`DROP TABLE holds`);
    await db.query(`DROP TABLE account_activity`);
  }
}
