import request from 'supertest';
import type { ApiScope } from '@app/identity';
import { cli as runCli } from '../support/cli.js';
import { pdf, validRequest } from '../support/fixtures.js';
import { MovingClock } from '../support/moving-clock.js';
import { apiKey, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const clock = new MovingClock(new Date('2026-11-22T10:00:00Z'));
let t: TestApp;
let admin: Staff;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  ({ admin } = await people(t, { cast: { ada: 'admin' } }));
});
afterAll(() => t.close());

const cli = (args: string[]) => runCli(args, { DATABASE_URL: t.config.DATABASE_URL });

/** A key the admin makes through the API. */
const newKey = (scopes: ApiScope[], days?: number) =>
  apiKey(t, scopes, { by: admin, name: `tooling ${scopes.join(' ')}`, expiresInDays: days });

describe('API keys', () => {
  it('are created from the command line, shown once, and stored only as a hash', async () => {
    const { code, out } = await cli(['keys:create', '--name', 'Helpdesk', '--scopes', 'cases:read,holds:read']);
    expect(code).toBe(0);
    const { created } = JSON.parse(out) as { created: { id: string; key: string; scopes: string[] } };
    expect(created.key).toMatch(/^nok_key_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(['cases:read', 'holds:read']);
    const listed = await admin.get('/api/v1/api-keys').expect(200);
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
    await admin.post('/api/v1/api-keys').send(body).expect(400);
  });

  it('open only the routes of their scopes, and none of the back office', async () => {
    const key = await newKey(['holds:read']);
    await key.get('/api/v1/holds').expect(200);
    const refused = await key.get('/api/v1/cases').expect(403);
    expect((refused.body as { detail: string }).detail).toContain('cases:read');
    await key.get('/api/v1/api-keys').expect(403);
    await key.get('/api/v1/auth/me').expect(403);
  });

  it('stop working when revoked or expired, and record their last use', async () => {
    const revoked = await newKey(['holds:read']);
    await revoked.get('/api/v1/holds').expect(200);
    const [used] = await t.dataSource.query<[{ last_used_at: Date | null }]>(
      'SELECT last_used_at FROM api_keys WHERE id = $1',
      [revoked.id],
    );
    expect(used.last_used_at?.toISOString()).toBe(clock.now().toISOString());
    await admin.delete(`/api/v1/api-keys/${revoked.id}`).expect(200);
    await revoked.get('/api/v1/holds').expect(401);

    const shortLived = await newKey(['holds:read'], 1);
    clock.advanceMinutes(24 * 60 + 1);
    await shortLived.get('/api/v1/holds').expect(401);
    await admin.login();
  });
});

describe('support tooling', () => {
  it('opens a case for a caller, sends their document, and reads the case', async () => {
    const key = await newKey(['cases:write', 'cases:read']);
    const { id } = key;
    const opened = await key
      .post('/api/v1/cases')
      .send({ ...validRequest(), channel: 'PHONE', agentReference: 'zendesk:48211' })
      .expect(201);
    const { reference, accessToken } = opened.body as { reference: string; accessToken: string };
    await key
      .post(`/api/v1/cases/${reference}/documents`)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf('Sterbeurkunde'), 'scan.pdf')
      .expect(201);
    const read = await key.get(`/api/v1/cases/${reference}`).expect(200);
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
    const key = await newKey(['cases:write']);
    await key
      .post('/api/v1/cases/NOK-2026-999999/documents')
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf(), 'scan.pdf')
      .expect(404);
    await key.post('/api/v1/cases').send(validRequest()).expect(400);
    await key
      .post('/api/v1/cases')
      .send({ ...validRequest(), channel: 'PIGEON', agentReference: 'x' })
      .expect(400);
  });
});
