import request from 'supertest';
import { pdf, validRequest } from '../support/fixtures.js';
import { type People, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Inputs that answered 500 or reached mail and terminals unchecked (issue #14, items 10, 12, 13). */
const logLines: string[] = [];
let t: TestApp;
let cast: People;
beforeAll(async () => {
  t = await createTestApp(
    { LOG_LEVEL: 'info' },
    { logDestination: { write: (line: string) => void logLines.push(line) } },
  );
  cast = await people(t);
});
afterAll(() => t.close());

const subject = validRequest().subject as Record<string, unknown>;
const requester = validRequest().requester as Record<string, unknown>;

function fieldsOf(response: request.Response): string[] {
  return ((response.body.errors ?? []) as { field: string }[]).map((error) => error.field);
}

function expectRefusal(response: request.Response, status: number, field: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(fieldsOf(response)).toContain(field);
}

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('inputs that answered 500 (item 10)', () => {
  it('a NUL in :reference with a valid token', async () => {
    const family = await cast.family();
    const response = await request(t.http)
      .get(`/api/v1/requests/${family.reference}%00`)
      .set('Authorization', `Bearer ${family.accessToken}`);
    expectRefusal(response, 400, 'reference');
  });

  it('a NUL in :reference on the support-tooling upload', async () => {
    const key = await cast.apiKey(['cases:write']);
    const response = await key
      .post('/api/v1/cases/NOK-2026-000001%00/documents')
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf('DEATH_CERTIFICATE'), 'scan.pdf');
    expectRefusal(response, 400, 'reference');
    expect(await t.storedFiles()).toEqual([]);
  });

  it.each(['/api/v1/requests', '/api/v1/auth/login'])('JSON nested 2,000 deep on %s', async (path) => {
    const before = await t.rowCount('cases');
    const body = `{"requestType":"RELEASE_DATA","subject":${nested(2000)}}`;
    const response = await request(t.http).post(path).set('Content-Type', 'application/json').send(body);
    expectRefusal(response, 400, 'body');
    expect(await t.rowCount('cases')).toBe(before);
  });

  it('a dateOfDeath of 0000-01-01', async () => {
    const before = await t.rowCount('cases');
    const response = await request(t.http)
      .post('/api/v1/requests')
      .send(validRequest({ subject: { ...subject, dateOfDeath: '0000-01-01' } }));
    expectRefusal(response, 400, 'subject.dateOfDeath');
    expect(await t.rowCount('cases')).toBe(before);
  });

  it('assign to an unknown user id', async () => {
    const family = await cast.familyWithDocuments();
    const response = await cast.reviewer
      .post(`/api/v1/cases/${family.reference}/actions/assign`)
      .send({ version: 1, assigneeId: '00000000-0000-4000-8000-000000000000' });
    expectRefusal(response, 404, 'assigneeId');
  });

  it('a note of only spaces', async () => {
    const family = await cast.familyWithDocuments();
    const response = await cast.reviewer.post(`/api/v1/cases/${family.reference}/notes`).send({ body: '    ' });
    expectRefusal(response, 400, 'body');
  });
});

describe('control and bidi characters in one-line fields (item 12)', () => {
  it.each([
    ['CR/LF', 'Anna\r\nBcc: victim@example.org'],
    ['LF', 'Anna\nKeller'],
    ['ESC', 'Anna\u001b[2J\u001b[31mKeller'],
    ['RIGHT-TO-LEFT OVERRIDE', 'Anna\u202eKeller'],
    ['FIRST STRONG ISOLATE', '\u2068Anna Keller'],
  ])('a person name with %s is refused and nothing is stored', async (_label, name) => {
    const before = await t.rowCount('cases');
    for (const [body, field] of [
      [validRequest({ subject: { ...subject, fullName: name } }), 'subject.fullName'],
      [validRequest({ requester: { ...requester, fullName: name } }), 'requester.fullName'],
    ] as const) {
      expectRefusal(await request(t.http).post('/api/v1/requests').send(body), 400, field);
    }
    expect(await t.rowCount('cases')).toBe(before);
  });

  it('an API key name with a line break is refused', async () => {
    const response = await cast.admin.post('/api/v1/api-keys').send({ name: 'Help\ndesk', scopes: ['cases:read'] });
    expectRefusal(response, 400, 'name');
  });

  it('a multi-line note keeps its line breaks but refuses ESC', async () => {
    const family = await cast.familyWithDocuments();
    const notes = `/api/v1/cases/${family.reference}/notes`;
    expectRefusal(await cast.reviewer.post(notes).send({ body: 'Called\u001b[2J' }), 400, 'body');
    expect((await cast.reviewer.post(notes).send({ body: 'Called the family.\nCertificate by post.' })).status).toBe(
      201,
    );
    const detail = await cast.reviewer.get(`/api/v1/cases/${family.reference}`).expect(200);
    expect(JSON.stringify(detail.body)).toContain('Called the family.\\nCertificate by post.');
  });
});

describe('personal data in the request log (item 13)', () => {
  it('logs account paths with the address redacted', async () => {
    await request(t.http).get('/api/v1/accounts/anna.keller%40outlook.com/timeline?asOf=2026-01-01');
    await request(t.http).get('/api/v1/accounts/anna.keller@outlook.com/timeline');
    const log = logLines.join('\n');
    expect(log).toContain('/api/v1/accounts/[redacted]/timeline');
    expect(log).not.toMatch(/anna\.keller/);
    expect(log).not.toContain('asOf=');
  });
});
