import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhooks from the outbox (issue #6): subscriptions per API key, one delivery per event and
 * subscription with its retries, which events are fanned out, and the state changes every
 * code path makes recorded as events by the database itself.
 */
export class Webhooks1764500000000 implements MigrationInterface {
  name = 'Webhooks1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key_id uuid NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        sealed_secret bytea NOT NULL,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz,
        CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (id),
        CONSTRAINT webhook_subscriptions_key_id_fkey FOREIGN KEY (key_id) REFERENCES api_keys (id),
        CONSTRAINT webhook_subscriptions_events_check CHECK (cardinality(events) > 0)
      )`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
        CONSTRAINT webhook_deliveries_event_subscription_key UNIQUE (event_id, subscription_id),
        CONSTRAINT webhook_deliveries_event_id_fkey FOREIGN KEY (event_id) REFERENCES outbox_events (id),
        CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id),
        CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD'))
      )`);
    await db.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at)`,
    );
    // Marked once its deliveries exist. Not a cursor on seq: a lower seq can commit after a higher one.
    await db.query(`ALTER TABLE outbox_events ADD COLUMN fanned_out_at timestamptz`);
    await db.query(`CREATE INDEX outbox_events_pending_idx ON outbox_events (seq) WHERE fanned_out_at IS NULL`);
    // Every state change, whichever code made it, becomes an event in the same transaction.
    await db.query(`
      CREATE FUNCTION outbox_case_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox_events (type, case_id, occurred_at, payload)
        VALUES ('case.state_changed', NEW.id, NEW.updated_at,
                jsonb_build_object('caseReference', NEW.reference, 'state', NEW.state, 'from', OLD.state, 'to', NEW.state));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_outbox_state_change AFTER UPDATE OF state ON cases
      FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION outbox_case_state_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER cases_outbox_state_change ON cases`);
    await db.query(`DROP FUNCTION outbox_case_state_change()`);
    await db.query(`DROP INDEX outbox_events_pending_idx`);
    await db.query(`ALTER TABLE outbox_events DROP COLUMN fanned_out_at`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_subscriptions`);
  }
}
