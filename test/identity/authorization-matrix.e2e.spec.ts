import request from 'supertest';
import { API_SCOPES, type ApiScope } from '@app/identity';
import { pdf, validRequest } from '../support/fixtures.js';
import { type Family, PASSWORD, type People, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Deny by default, checked from the outside: every operation of the OpenAPI document is called by
 * every kind of caller, and the outcome must match this matrix. An operation the matrix does not
 * list fails the test, so a new route cannot ship unclassified.
 */
// Every API key has exactly one scope: each operation meets keys with and without the scope it needs.
type KeyCaller = `key:${ApiScope}`;
type Caller = 'anonymous' | 'requesterOfA' | 'requesterOfB' | 'reviewer' | 'legal' | 'admin' | KeyCaller;
const KEYS: KeyCaller[] = API_SCOPES.map((scope): KeyCaller => `key:${scope}`);
const CALLERS: Caller[] = ['anonymous', 'requesterOfA', 'requesterOfB', 'reviewer', 'legal', 'admin', ...KEYS];
const STAFF: Caller[] = ['reviewer', 'legal', 'admin'];
const keys: Partial<Record<KeyCaller, string>> = {};
const isKey = (caller: Caller): caller is KeyCaller => caller.startsWith('key:');

const MATRIX: Record<string, Caller[]> = {
  'GET /api/health': CALLERS,
  'GET /api/v1/checklists': CALLERS,
  'POST /api/v1/requests': CALLERS,
  'GET /api/v1/requests/{reference}': ['requesterOfA'],
  'POST /api/v1/requests/{reference}/documents': ['requesterOfA'],
  'POST /api/v1/requests/{reference}/withdrawal': ['requesterOfA'],
  'POST /api/v1/requests/{reference}/email-confirmation': CALLERS,
  'POST /api/v1/auth/login': CALLERS,
  'POST /api/v1/auth/logout': STAFF,
  'GET /api/v1/auth/me': STAFF,
  'GET /api/v1/users': STAFF,
  'GET /api/v1/cases': [...STAFF, 'key:cases:read'],
  'POST /api/v1/cases': ['key:cases:write'],
  'GET /api/v1/cases/{reference}': [...STAFF, 'key:cases:read'],
  'GET /api/v1/cases/{reference}/audit': STAFF,
  'POST /api/v1/cases/{reference}/documents': ['key:cases:write'],
  'GET /api/v1/cases/{reference}/documents/{id}/content': ['reviewer', 'legal', 'key:documents:read'],
  'POST /api/v1/cases/{reference}/notes': STAFF,
  'POST /api/v1/cases/{reference}/jurisdiction': ['reviewer', 'legal'],
  'POST /api/v1/requests/{reference}/appeal': ['requesterOfA'],
  'POST /api/v1/cases/{reference}/actions/{action}': STAFF,
  'POST /api/v1/cases/{reference}/documents/{id}/verification': ['reviewer', 'legal'],
  'PUT /api/v1/accounts/{accountEmail}/activity': ['admin', 'key:accounts:write'],
  'GET /api/v1/accounts/{accountEmail}/timeline': [...STAFF, 'key:cases:read'],
  'GET /api/v1/holds': ['admin', 'key:holds:read'],
  'POST /api/v1/api-keys': ['admin'],
  'GET /api/v1/api-keys': ['admin'],
  'DELETE /api/v1/api-keys/{id}': ['admin'],
  'POST /api/v1/webhooks': ['key:webhooks:manage'],
  'GET /api/v1/webhooks': ['key:webhooks:manage'],
  'DELETE /api/v1/webhooks/{id}': ['key:webhooks:manage'],
  'GET /api/v1/webhooks/{id}/deliveries': ['key:webhooks:manage'],
  'POST /api/v1/webhooks/deliveries/{id}/replay': ['key:webhooks:manage'],
};

let t: TestApp;
let cast: People;
let caseA: Family;
let caseB: Family;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 10_000 });
  cast = await people(t);
  caseA = await cast.family();
  caseB = await cast.family();
  for (const scope of API_SCOPES) keys[`key:${scope}`] = (await cast.apiKey([scope], { name: scope })).key;
});
afterAll(() => t.close());

async function credentials(caller: Caller): Promise<string | undefined> {
  if (isKey(caller)) return keys[caller];
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'requesterOfA':
      return caseA.accessToken;
    case 'requesterOfB':
      return caseB.accessToken;
    case 'reviewer':
    case 'legal':
    case 'admin':
      // A fresh session each time: calling logout must not spoil the next check.
      return cast[caller].login();
  }
}

/** A plausible call of the operation; validation may still refuse it, which counts as let through. */
function call(method: string, path: string): request.Test {
  const url = path
    .replace('{reference}', caseA.reference)
    .replace('{action}', 'assign')
    .replace('{accountEmail}', 'anna.keller%40outlook.com')
    .replace('{id}', '00000000-0000-4000-8000-000000000000');
  const agent = request(t.http);
  switch (`${method} ${path}`) {
    case 'POST /api/v1/requests':
      return agent.post(url).send(validRequest());
    case 'POST /api/v1/requests/{reference}/documents':
      return agent.post(url).field('type', 'DEATH_CERTIFICATE').attach('file', pdf(), 'a.pdf');
    case 'POST /api/v1/auth/login':
      return agent.post(url).send({ email: cast.reviewer.email, password: PASSWORD });
    case 'POST /api/v1/cases/{reference}/notes':
      return agent.post(url).send({ body: 'A note.' });
    case 'POST /api/v1/cases/{reference}/jurisdiction':
      return agent.post(url).send({ version: 999, jurisdiction: 'EU', reason: 'Moved to Austria.' });
    case 'POST /api/v1/requests/{reference}/appeal':
      return agent.post(url).send({ statement: 'Please look again.' });
    case 'POST /api/v1/cases/{reference}/actions/{action}':
      return agent.post(url).send({ version: 999 });
    case 'POST /api/v1/cases/{reference}/documents/{id}/verification':
      return agent.post(url).send({ result: 'ACCEPTED' });
    case 'POST /api/v1/cases':
      return agent.post(url).send({ ...validRequest(), channel: 'PHONE', agentReference: 'ticket-1' });
    case 'POST /api/v1/cases/{reference}/documents':
      return agent.post(url).field('type', 'DEATH_CERTIFICATE').attach('file', pdf(), 'a.pdf');
    case 'POST /api/v1/api-keys':
      return agent.post(url).send({ name: 'matrix', scopes: ['cases:read'] });
    case 'PUT /api/v1/accounts/{accountEmail}/activity':
      return agent.put(url).send({ lastSignInAt: '2025-01-10' });
    case 'GET /api/v1/checklists':
      return agent.get(url).query({ country: 'DE', requestType: 'RELEASE_DATA' });
    default:
      return method === 'GET' ? agent.get(url) : method === 'DELETE' ? agent.delete(url) : agent.post(url).send({});
  }
}

describe('the authorization matrix', () => {
  let operations: [string, string][] = [];
  beforeAll(async () => {
    const document = (await request(t.http).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, object>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => [method.toUpperCase(), path] as [string, string]),
    );
  });

  it('lists every operation of the OpenAPI document', () => {
    const documented = operations.map(([method, path]) => `${method} ${path}`).sort();
    expect(documented).toEqual(Object.keys(MATRIX).sort());
  });

  it('lets through exactly the callers the matrix names', async () => {
    const outcomes: string[] = [];
    for (const [method, path] of operations) {
      const allowed = MATRIX[`${method} ${path}`] ?? [];
      for (const caller of CALLERS) {
        const token = await credentials(caller);
        const test = call(method, path);
        if (token) test.set('Authorization', `Bearer ${token}`);
        const { status } = await test;
        // Refused: 401/403, and for another family's token 404, exactly as for an unknown case.
        const refused = status === 401 || status === 403 || (caller === 'requesterOfB' && status === 404);
        if (refused === allowed.includes(caller) || status >= 500) {
          outcomes.push(
            `${method} ${path} as ${caller}: ${status}, expected ${allowed.includes(caller) ? 'through' : 'refused'}`,
          );
        }
      }
    }
    expect(outcomes).toEqual([]);
  });
});
