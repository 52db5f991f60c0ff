import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuditService } from '@app/audit';
import { cli as runCli } from '../support/cli.js';
import { people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

const cli = (args: string[]) => runCli(args, { DATABASE_URL: t.config.DATABASE_URL });

/** Only a superuser can get past the append-only trigger: what an attacker with full access would do. */
async function tamper(sql: string): Promise<void> {
  await t.dataSource.query('ALTER TABLE audit_entries DISABLE TRIGGER USER');
  try {
    await t.dataSource.query(sql);
  } finally {
    await t.dataSource.query('ALTER TABLE audit_entries ENABLE TRIGGER USER');
  }
}

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 });
  // A reviewer is created and logs in, fails a login, and logs out.
  const { reviewer, familyWithDocuments } = await people(t, { cast: { rita: 'reviewer' } });
  await request(t.http)
    .post('/api/v1/auth/login')
    .send({ email: reviewer.email, password: 'a wrong guess' })
    .expect(401);
  await reviewer.post('/api/v1/auth/logout').expect(204);
  // A family sends its four documents, then withdraws.
  const family = await familyWithDocuments();
  await family.withdraw().expect(200);
});
afterAll(() => t.close());

describe('the audit trail', () => {
  it('records every change, in the transaction that made it', async () => {
    const rows = await t.dataSource.query<{ action: string }[]>('SELECT action FROM audit_entries ORDER BY seq');
    expect(rows.map((r) => r.action)).toEqual([
      'user.created',
      'user.login',
      'user.login_failed',
      'user.logout',
      'case.created',
      'hold.placed', // the request asks for the data: its account is held at once
      'document.uploaded',
      'document.uploaded',
      'document.uploaded',
      'document.uploaded',
      'case.state_changed', // to READY_FOR_REVIEW with the fourth document
      'case.state_changed', // withdrawn
      'hold.released', // with the withdrawal
    ]);
    const [moved] = await t.dataSource.query<[{ details: object }]>(
      "SELECT details FROM audit_entries WHERE action = 'case.state_changed' ORDER BY seq LIMIT 1",
    );
    expect(moved.details).toEqual({ from: 'AWAITING_DOCUMENTS', to: 'READY_FOR_REVIEW' });
  });

  it('holds ids and codes, no names or addresses', async () => {
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_entries'));
    for (const personal of [
      'Anna Keller',
      'Jonas',
      'jonas@example.org',
      'rita@example.org',
      'anna.keller@outlook.com',
    ]) {
      expect(dump).not.toContain(personal);
    }
  });

  it('cannot be changed, deleted or truncated through the database', async () => {
    await expect(t.dataSource.query("UPDATE audit_entries SET action = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_entries WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
  });

  it('verifies from the command line, and exports a checkpoint', async () => {
    const verified = await cli(['audit:verify']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, entries: 13 });
    const checkpoint = await cli(['audit:checkpoint']);
    expect(JSON.parse(checkpoint.out)).toEqual({ seq: 13, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('names the first altered entry', async () => {
    await tamper(`UPDATE audit_entries SET details = '{"from":"AWAITING_DOCUMENTS","to":"APPROVED"}' WHERE seq = 11`);
    const verified = await cli(['audit:verify']);
    expect(verified.code).toBe(3);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: false, brokenAt: 11, problem: 'ALTERED' });
    await tamper(
      `UPDATE audit_entries SET details = '{"from":"AWAITING_DOCUMENTS","to":"READY_FOR_REVIEW"}' WHERE seq = 11`,
    );
    expect((await cli(['audit:verify'])).code).toBe(0);
  });

  it('detects a deleted entry', async () => {
    const [row] = await t.dataSource.query<[Record<string, unknown>]>('SELECT * FROM audit_entries WHERE seq = 6');
    await tamper('DELETE FROM audit_entries WHERE seq = 6');
    expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: false, brokenAt: 6, problem: 'MISSING_ENTRY' });
    await tamper(
      `INSERT INTO audit_entries SELECT * FROM jsonb_populate_record(null::audit_entries, '${JSON.stringify(row).replaceAll("'", "''")}')`,
    );
    expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: true });
  });

  it('detects a cut-off tail against a saved checkpoint', async () => {
    const checkpointFile = join(tmpdir(), `nok-checkpoint-${Date.now()}.json`);
    await writeFile(checkpointFile, (await cli(['audit:checkpoint'])).out);
    await tamper('DELETE FROM audit_entries WHERE seq >= 10');
    expect((await cli(['audit:verify'])).code).toBe(0); // the rest is a valid chain…
    const verified = await cli(['audit:verify', '--checkpoint', checkpointFile]);
    expect(verified.code).toBe(3); // …but it no longer reaches the checkpoint
    expect(JSON.parse(verified.out)).toMatchObject({ ok: false, problem: 'TRUNCATED', brokenAt: 10 });
  });
});
