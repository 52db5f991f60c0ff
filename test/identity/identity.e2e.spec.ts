import request from 'supertest';
import { type CliResult, cli as runCli } from '../support/cli.js';
import { MovingClock } from '../support/moving-clock.js';
import { family, PASSWORD } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Users are made here through the command line, as an administrator would (other suites use people()). */
const cli = (t: TestApp, args: string[], password = PASSWORD): Promise<CliResult> =>
  runCli(args, { DATABASE_URL: t.config.DATABASE_URL, NEW_USER_PASSWORD: password });

const login = (t: TestApp, email: string, password = PASSWORD) =>
  request(t.http).post('/api/v1/auth/login').send({ email, password });

describe('reviewer accounts and sessions', () => {
  const clock = new MovingClock(new Date('2026-11-23T09:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      { SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 2, LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 },
      { clock },
    );
  });
  afterAll(() => t.close());

  it('creates users from the command line, with the password from the environment', async () => {
    const created = await cli(t, ['users:create', '--email', 'Rita@Example.org', '--role', 'reviewer']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toEqual({
      created: { id: expect.any(String), email: 'rita@example.org', role: 'reviewer' },
    });
    expect(created.out).not.toContain(PASSWORD);
    const [row] = await t.dataSource.query<[{ password_hash: string }]>(
      "SELECT password_hash FROM users WHERE email = 'rita@example.org'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    [
      ['users:create', '--email', 'x@example.org', '--role', 'boss'],
      PASSWORD,
      /role: must be one of reviewer, legal, admin/,
    ],
    [['users:create', '--email', 'x@example.org', '--role', 'legal'], 'short', /password: must be at least 12/],
    [['users:create', '--email', 'not-an-email', '--role', 'legal'], PASSWORD, /email: must be an e-mail address/],
    [['users:create', '--email', 'rita@example.org', '--role', 'legal'], PASSWORD, /already exists/],
  ])('refuses %j with a message', async (args, password, message) => {
    const result = await cli(t, args, password);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
  });

  it('logs in with a bearer token, and says who is logged in', async () => {
    const session = await login(t, 'rita@example.org').expect(200);
    expect(session.body).toEqual({
      token: expect.stringMatching(/^nks_/),
      csrfToken: expect.any(String),
      expiresAt: '2026-11-23T11:00:00.000Z',
    });
    const cookie = session.get('Set-Cookie')?.join('; ') ?? '';
    expect(cookie).toMatch(/nok_session=nks_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await request(t.http)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${session.body.token}`)
      .expect(200);
    const [user] = await t.dataSource.query<[{ id: string }]>("SELECT id FROM users WHERE email = 'rita@example.org'");
    expect(me.body).toEqual({ id: user.id, email: 'rita@example.org', role: 'reviewer' });
    const [stored] = await t.dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM sessions WHERE token_hash::text LIKE $1',
      [`%${session.body.token}%`],
    );
    expect(stored.n).toBe(0);
  });

  it('does not tell a wrong password from an unknown e-mail', async () => {
    const wrong = await login(t, 'rita@example.org', 'not the password').expect(401);
    const unknown = await login(t, 'nobody@example.org').expect(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('ends a session after logout', async () => {
    const { token } = (await login(t, 'rita@example.org').expect(200)).body as { token: string };
    await request(t.http).post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('needs the CSRF token for state changes made with the cookie', async () => {
    const session = await login(t, 'rita@example.org').expect(200);
    const cookie = (session.get('Set-Cookie')?.[0] ?? '').split(';')[0];
    await request(t.http).get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    const refused = await request(t.http).post('/api/v1/auth/logout').set('Cookie', cookie).expect(403);
    expect(refused.body.detail).toMatch(/x-csrf-token/);
    await request(t.http).post('/api/v1/auth/logout').set('Cookie', cookie).set('x-csrf-token', 'forged').expect(403);
    await request(t.http)
      .post('/api/v1/auth/logout')
      .set('Cookie', cookie)
      .set('x-csrf-token', session.body.csrfToken)
      .expect(204);
  });

  it('ends a session left idle, and one that lasted too long', async () => {
    const idle = (await login(t, 'rita@example.org').expect(200)).body as { token: string };
    clock.advanceMinutes(31);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${idle.token}`).expect(401);

    const busy = (await login(t, 'rita@example.org').expect(200)).body as { token: string };
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(25); // up to 100 minutes, never idle for 30
      await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${busy.token}`).expect(200);
    }
    clock.advanceMinutes(25); // 125 minutes since login: past the 2-hour limit, though never idle
    await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${busy.token}`).expect(401);
  });

  it('disabling a user ends their sessions and refuses their login', async () => {
    expect((await cli(t, ['users:create', '--email', 'leo@example.org', '--role', 'legal'])).code).toBe(0);
    const { token } = (await login(t, 'leo@example.org').expect(200)).body as { token: string };
    expect((await cli(t, ['users:disable', '--email', 'leo@example.org'])).code).toBe(0);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await login(t, 'leo@example.org').expect(401);
  });

  it('does not accept a family access token as a session', async () => {
    const requester = await family(t, {
      requestType: 'PRESERVE_DATA',
      subject: {
        status: 'DECEASED',
        fullName: 'A B',
        accountEmail: 'a@outlook.com',
        countryOfResidence: 'NL',
        dateOfDeath: '2026-01-01',
      },
      requester: { fullName: 'C D', email: 'c@example.org', relationship: 'SPOUSE', countryOfResidence: 'NL' },
    });
    await requester.get('/api/v1/auth/me').expect(401);
  });
});

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 once an address has tried too often for one e-mail', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(t, 'target@example.org', `guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await login(t, 'target@example.org', 'guess 6');
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });
});
