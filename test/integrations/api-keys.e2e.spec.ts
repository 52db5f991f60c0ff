import { jest } from '@jest/globals';
import request from 'supertest';
import { runCli } from '../../apps/server/src/cli.js';
import { pdf, validRequest } from '../support/fixtures.js';
import { MovingClock } from '../support/moving-clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';
const clock = new MovingClock(new Date('2026-11-22T10:00:00Z'));
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await runCli(['users:create', '--email', 'ada@example.org', '--role', 'admin'], {
    DATABASE_URL: t.config.DATABASE_URL,
    NEW_USER_PASSWORD: PASSWORD,
  });
  quiet.mockRestore();
  admin = await login();
});
afterAll(() => t.close());

async function login(): Promise<string> {
  const session = await request(t.http)
    .post('/api/v1/auth/login')
    .send({ email: 'ada@example.org', password: PASSWORD })
    .expect(200);
  return (session.body as { token: string }).token;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  try {
    const code = await runCli(args, { DATABASE_URL: t.config.DATABASE_URL });
    return { code, out: lines.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const newKey = async (scopes: string[], days?: number): Promise<{ id: string; key: string }> => {
  const created = await request(t.http)
    .post('/api/v1/api-keys')
    .set('Authorization', `Bearer ${admin}`)
    .send({ name: `tooling ${scopes.join(' ')}`, scopes, ...(days ? { expiresInDays: days } : {}) })
    .expect(201);
  return created.body as { id: string; key: string };
};

describe('API keys', () => {
  it('are created from the command line, shown once, and stored only as a hash', async () => {
    const { code, out } = await cli(['keys:create', '--name', 'Helpdesk', '--scopes', 'cases:read,holds:read']);
    expect(code).toBe(0);
    const { created } = JSON.parse(out) as { created: { id: string; key: string; scopes: string[] } };
    expect(created.key).toMatch(/^nok_key_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(['cases:read', 'holds:read']);
    const listed = await request(t.http).get('/api/v1/api-keys').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM api_keys'));
    expect(dump).not.toContain(created.key.slice(12));
    await request(t.http).get('/api/v1/holds').set('Authorization', `Bearer ${created.key}`).expect(200);
    expect((await cli(['keys:create', '--name', 'Bad', '--scopes', 'cases:delete'])).code).toBe(1);
  });

  it.each([
    ['no scopes', { name: 'x', scopes: [] }],
    ['an unknown scope', { name: 'x', scopes: ['cases:delete'] }],
    ['an empty name', { name: '', scopes: ['cases:read'] }],
    ['an expiry of three years', { name: 'x', scopes: ['cases:read'], expiresInDays: 1095 }],
    ['an unknown field', { name: 'x', scopes: ['cases:read'], admin: true }],
  ])('refuse %s with 400', async (_name, body) => {
    await request(t.http).post('/api/v1/api-keys').set('Authorization', `Bearer ${admin}`).send(body).expect(400);
  });

  it('open only the routes of their scopes, and none of the back office', async () => {
    const { key } = await newKey(['holds:read']);
    const auth = { Authorization: `Bearer ${key}` };
    await request(t.http).get('/api/v1/holds').set(auth).expect(200);
    const refused = await request(t.http).get('/api/v1/cases').set(auth).expect(403);
    expect((refused.body as { detail: string }).detail).toContain('cases:read');
    await request(t.http).get('/api/v1/api-keys').set(auth).expect(403);
    await request(t.http).get('/api/v1/auth/me').set(auth).expect(403);
  });

  it('stop working when revoked or expired, and record their last use', async () => {
    const revoked = await newKey(['holds:read']);
    await request(t.http).get('/api/v1/holds').set('Authorization', `Bearer ${revoked.key}`).expect(200);
    const [used] = await t.dataSource.query<[{ last_used_at: Date | null }]>(
      'SELECT last_used_at FROM api_keys WHERE id = $1',
      [revoked.id],
    );
    expect(used.last_used_at?.toISOString()).toBe(clock.now().toISOString());
    await request(t.http).delete(`/api/v1/api-keys/${revoked.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    await request(t.http).get('/api/v1/holds').set('Authorization', `Bearer ${revoked.key}`).expect(401);

    const shortLived = await newKey(['holds:read'], 1);
    clock.advanceMinutes(24 * 60 + 1);
    await request(t.http).get('/api/v1/holds').set('Authorization', `Bearer ${shortLived.key}`).expect(401);
    admin = await login();
  });
});

describe('support tooling', () => {
  it('opens a case for a caller, sends their document, and reads the case', async () => {
    const { id, key } = await newKey(['cases:write', 'cases:read']);
    const auth = { Authorization: `Bearer ${key}` };
    const opened = await request(t.http)
      .post('/api/v1/cases')
      .set(auth)
      .send({ ...validRequest(), channel: 'PHONE', agentReference: 'zendesk:48211' })
      .expect(201);
    const { reference, accessToken } = opened.body as { reference: string; accessToken: string };
    await request(t.http)
      .post(`/api/v1/cases/${reference}/documents`)
      .set(auth)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf('Sterbeurkunde'), 'scan.pdf')
      .expect(201);
    const read = await request(t.http).get(`/api/v1/cases/${reference}`).set(auth).expect(200);
    expect((read.body as { documents: unknown[] }).documents).toHaveLength(1);
    // The family follows it with the token support handed them.
    await request(t.http)
      .get(`/api/v1/requests/${reference}`)
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(200);

    const [row] = await t.dataSource.query<[{ channel: string; agent_reference: string; opened_by_key_id: string }]>(
      'SELECT channel, agent_reference, opened_by_key_id FROM cases WHERE reference = $1',
      [reference],
    );
    expect(row).toEqual({ channel: 'PHONE', agent_reference: 'zendesk:48211', opened_by_key_id: id });
    const trail = await t.dataSource.query<{ action: string; actor_type: string; actor_id: string }[]>(
      `SELECT action, actor_type, actor_id FROM audit_entries
       WHERE case_id = (SELECT id FROM cases WHERE reference = $1) AND action IN ('case.created', 'document.uploaded')
       ORDER BY seq`,
      [reference],
    );
    expect(trail).toEqual([
      { action: 'case.created', actor_type: 'api-key', actor_id: id },
      { action: 'document.uploaded', actor_type: 'api-key', actor_id: id },
    ]);
  });

  it('gets 404 for a reference that does not exist, and 400 without channel or agent', async () => {
    const { key } = await newKey(['cases:write']);
    const auth = { Authorization: `Bearer ${key}` };
    await request(t.http)
      .post('/api/v1/cases/NOK-2026-999999/documents')
      .set(auth)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf(), 'scan.pdf')
      .expect(404);
    await request(t.http).post('/api/v1/cases').set(auth).send(validRequest()).expect(400);
    await request(t.http)
      .post('/api/v1/cases')
      .set(auth)
      .send({ ...validRequest(), channel: 'PIGEON', agentReference: 'x' })
      .expect(400);
  });
});
