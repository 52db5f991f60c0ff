import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The three business triggers on `cases` become code in their owner, where a reader sees them: the
 * history entry of each state (CasesRepository.insert / writeTransition), the `case.state_changed`
 * outbox event (CaseTransitions), and a new case's deadline copy (CaseDeadlinesRepository.track).
 * The audit trail's append-only triggers stay: they are a guard, not behaviour (docs/architecture.md).
 */
export class CaseWritesInCode1765100000000 implements MigrationInterface {
  name = 'CaseWritesInCode1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER cases_record_state_change ON cases`);
    await db.query(`DROP FUNCTION record_case_state_change()`);
    await db.query(`DROP TRIGGER cases_outbox_state_change ON cases`);
    await db.query(`DROP FUNCTION outbox_case_state_change()`);
    await db.query(`DROP TRIGGER cases_add_deadline ON cases`);
    await db.query(`DROP FUNCTION add_case_deadline()`);
  }

  async down(db: QueryRunner): Promise<void> {
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
    await db.query(`
      CREATE FUNCTION add_case_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_deadlines (case_id, created_at) VALUES (NEW.id, NEW.created_at);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_add_deadline AFTER INSERT ON cases
      FOR EACH ROW EXECUTE FUNCTION add_case_deadline()`);
  }
}
