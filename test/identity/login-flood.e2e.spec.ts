import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { UsersService } from '@app/identity';
import { PASSWORD } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const login = (t: TestApp, body: unknown) =>
  request(t.http)
    .post('/api/v1/auth/login')
    .send(body as object);
const MiB = 1024 * 1024;

/**
 * A full garbage collection, so what is measured is what the server keeps, not garbage waiting to be
 * collected (RSS alone also counts freed memory the allocator has not handed back).
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

describe('login floods (issue #14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 3, LOGIN_FAILURES_PER_ADDRESS_PER_15_MINUTES: 8 });
    await t.app.get(UsersService).create('rita@example.org', 'reviewer', PASSWORD);
  });
  afterAll(() => t.close());

  it('keeps no state for 1,500 logins with distinct 60 KB e-mails: they are refused before the limiter', async () => {
    const padding = 'a'.repeat(60 * 1024);
    const send = (i: number) => login(t, { email: `${i}${padding}@example.org`, password: 'x' });
    for (let i = 0; i < 50; i++) await send(i); // warm up: code paths and buffers allocated once
    const before = retained();
    const statuses = new Set<number>();
    for (let batch = 0; batch < 1500; batch += 25) {
      const responses = await Promise.all(Array.from({ length: 25 }, (_, k) => send(1000 + batch + k)));
      for (const response of responses) statuses.add(response.status);
    }
    const grown = retained() - before;
    expect([...statuses]).toEqual([413]);
    expect(grown).toBeLessThan(20 * MiB);
  }, 120_000);

  it('answers an over-long e-mail in a small body with 400 naming the field', async () => {
    const response = await login(t, { email: `${'a'.repeat(300)}@example.org`, password: 'x' }).expect(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'email' })],
    });
  });

  it('lets ten successful sign-ins in a row through, and still limits failed ones', async () => {
    for (let i = 0; i < 12; i++) await login(t, { email: 'rita@example.org', password: PASSWORD }).expect(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await login(t, { email: 'rita@example.org', password: `guess ${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  }, 60_000);

  it('limits one address spraying many accounts, whatever the e-mail', async () => {
    // 3 failures (and one 429, which counts as failed) are already on this address from the test above.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await login(t, { email: `user${i}@example.org`, password: 'spray' })).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    const limited = await login(t, { email: 'someone-else@example.org', password: 'spray' });
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  }, 60_000);
});

describe('a full password-hash queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PASSWORD_HASH_CONCURRENCY: 1, PASSWORD_HASH_QUEUE_LENGTH: 1 });
  });
  afterAll(() => t.close());

  it('answers the logins beyond it 503 with Retry-After instead of queueing them all', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(t, { email: `nobody${i}@example.org`, password: 'wrong' })),
    );
    const busy = responses.filter((response) => response.status === 503);
    expect(responses.filter((response) => response.status === 401).length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.headers['retry-after']).toBe('1');
    expect(busy[0]?.body).toMatchObject({ status: 503, code: 'SERVICE_BUSY' });
  }, 60_000);
});
