import request from 'supertest';
import { jpeg } from '../support/fixtures.js';
import { family } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('operations', () => {
  const logLines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      { PUBLIC_RATE_LIMIT_PER_MINUTE: 8, LOG_LEVEL: 'trace' },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
  });
  afterAll(() => t.close());

  it('reports health with a database check', async () => {
    const response = await request(t.http).get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request(t.http).get('/api/docs-json').expect(200);
    const document = json.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/requests',
        '/api/v1/requests/{reference}',
        '/api/v1/requests/{reference}/documents',
        '/api/v1/requests/{reference}/withdrawal',
        '/api/health',
      ]),
    );
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(operation.responses).toHaveProperty('500');
      }
    }
    expect(document.paths['/api/v1/requests/{reference}/documents'].post.responses).toEqual(
      expect.objectContaining({ '201': expect.anything(), '413': expect.anything(), '415': expect.anything() }),
    );
    expect(document.components.schemas).toHaveProperty('ProblemDetailsSchema');
    expect(document.components.schemas).toHaveProperty('CreateRequestDto');
    const ui = await request(t.http).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers an unknown route with a problem document', async () => {
    const response = await request(t.http).get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('sets security headers and a request id', async () => {
    const response = await request(t.http).get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps tokens, names and document contents out of the logs', async () => {
    const requester = await family(t);
    const { reference, accessToken } = requester;
    const secretPage = Buffer.concat([jpeg(), Buffer.from('SECRET-PAGE-CONTENT')]);
    await requester.upload('DECEASED_ID', secretPage, 'Anna Keller passport.jpg').expect(201);
    await requester.status().expect(200);

    const log = logLines.join('');
    expect(log).toContain(reference); // requests are logged...
    expect(log).not.toContain(accessToken); // ...but never what identifies or exposes a family
    expect(log).not.toContain('Anna Keller');
    expect(log).not.toContain('Jonas');
    expect(log).not.toContain('SECRET-PAGE-CONTENT');
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('rate limits the public endpoints with a 429 problem', async () => {
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 10; i++) {
      const response = await request(t.http).get('/api/v1/requests/NOK-2026-000999');
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses).toContain(429);
    expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited?.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // Health is not a public endpoint: still answered.
    await request(t.http).get('/api/health').expect(200);
  });
});
