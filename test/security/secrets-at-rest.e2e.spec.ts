import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdf, validRequest } from '../support/fixtures.js';
import { GERMAN_RELEASE_DOCUMENTS, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * What an attacker with a copy of the database and of the storage folder finds: after a run that
 * touches every secret the product handles, neither holds any of them in the clear.
 */
let t: TestApp;
const secrets: Record<string, string> = {};
const marker = () => `secret-${randomBytes(12).toString('hex')}`;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: true, REQUIRE_EMAIL_VERIFICATION: true });
  secrets.password = `${marker()} battery staple`;
  const cast = await people(t, { cast: { rita: 'reviewer', adam: 'admin' }, password: secrets.password });
  secrets.sessionToken = cast.reviewer.token;
  secrets.csrfToken = cast.reviewer.csrfToken;

  // A family's request, sent with an Idempotency-Key: the stored replay holds the access token.
  const family = await cast.family({}, { idempotencyKey: 'family-request-1' });
  secrets.accessToken = family.accessToken;
  for (const type of GERMAN_RELEASE_DOCUMENTS) {
    secrets[`document ${type}`] = marker();
    await family.upload(type, pdf(secrets[`document ${type}`], 50_000)).expect(201);
  }

  // Support tooling: an API key made by an admin, a case it opens, a webhook with its signing secret.
  const helpdesk = await cast.apiKey(['cases:write', 'webhooks:manage'], { name: 'helpdesk', by: cast.admin });
  secrets.apiKey = helpdesk.key;
  const opened = (
    await helpdesk
      .post('/api/v1/cases')
      .set('Idempotency-Key', 'tooling-case-1')
      .send({ ...validRequest(), channel: 'PHONE', agentReference: 'CRM-1' })
      .expect(201)
  ).body as { accessToken: string };
  secrets.supportAccessToken = opened.accessToken;
  const hook = (
    await helpdesk
      .post('/api/v1/webhooks')
      .send({ url: 'http://127.0.0.1:9/hook', events: ['case.created'] })
      .expect(201)
  ).body as { secret: string };
  secrets.webhookSecret = hook.secret;
  secrets.serviceApiKey = (await cast.apiKey(['cases:read'], { name: 'crm' })).key;
});
afterAll(() => t.close());

/** Every row of every table the application owns (its schema and the job queue's), as text. */
async function databaseDump(): Promise<string> {
  const tables = await t.dataSource.query<{ schema: string; name: string }[]>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['cases', 'documents', 'users']));
  const parts: string[] = [];
  for (const { schema, name } of tables) {
    const rows = await t.dataSource.query<{ row: string }[]>(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
    parts.push(...rows.map((row) => row.row));
  }
  return parts.join('\n');
}

/** Every file the server wrote: stored documents, staging, and the development mailbox. */
async function storageDump(): Promise<Buffer> {
  const files = [
    ...(await t.storedFiles()).map((file) => join(t.uploadDir, file)),
    ...(await listUnder(t.config.DATA_DIR)),
  ];
  expect(files.length).toBeGreaterThanOrEqual(GERMAN_RELEASE_DOCUMENTS.length);
  return Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
}

async function listUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('secrets at rest', () => {
  it('the database dump holds no document text, token, key or password', async () => {
    const dump = await databaseDump();
    expect(dump.length).toBeGreaterThan(10_000); // a real dump, not an empty string
    expect(dump).toContain('anna.keller@outlook.com'); // …which does hold what is not a secret
    const found = Object.entries(secrets).filter(([, value]) => dump.includes(value));
    expect(found.map(([name]) => name)).toEqual([]);
  });

  it('the storage folder holds no document text, token, key or password', async () => {
    const files = await storageDump();
    const found = Object.entries(secrets).filter(([, value]) => files.includes(Buffer.from(value, 'latin1')));
    expect(found.map(([name]) => name)).toEqual([]);
  });

  it('the checks would see a secret that leaked (the scanners are not blind)', async () => {
    const leaked = marker();
    await t.dataSource.query(
      `INSERT INTO case_notes (id, case_id, author_id, body, created_at)
       SELECT gen_random_uuid(), (SELECT id FROM cases LIMIT 1), id, $1, now() FROM users LIMIT 1`,
      [leaked],
    );
    expect(await databaseDump()).toContain(leaked);
    await t.dataSource.query('DELETE FROM case_notes WHERE body = $1', [leaked]);
    const file = join(t.uploadDir, 'leak.txt');
    await writeFile(file, `plain ${leaked} text`);
    expect((await storageDump()).includes(Buffer.from(leaked))).toBe(true);
    await rm(file);
  });
});
