import request from 'supertest';
import { DeadlineSweep } from '@app/cases';
import { pdf } from '../support/fixtures.js';
import { MovingClock } from '../support/moving-clock.js';
import { type People, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const clock = new MovingClock(new Date('2026-11-22T10:00:00Z'));
let t: TestApp;
/** Ada the admin reports account activity (the account platform until API keys exist); Rita reviews; Lea is legal. */
let cast: People;
let ada: Staff;
let rita: Staff;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 }, { clock });
  cast = await people(t);
  ({ ada, rita } = cast.staff);
});
afterAll(() => t.close());

/** Sessions end after SESSION_MAX_HOURS: log in again after moving the clock by days. */
const login = () => cast.login();

const FACTS = {
  lastSignInAt: '2025-12-01',
  blockedSince: null,
  closedByHolderAt: null,
  purchases: [{ at: '2024-03-01', kind: 'GIFT_CARD' }],
  subscriptions: [{ startedAt: '2023-01-01', endedAt: '2025-06-30' }],
  storePublisher: false,
  certified: false,
  balance: { amount: '0.00', currency: 'EUR' },
  owedByProvider: { amount: '0.00', currency: 'EUR' },
  consentedMinorAccounts: [{ accountEmail: 'kid@outlook.com', status: 'CLOSED' }],
};

const putActivity = (email: string, body: unknown, as = 'ada') =>
  cast.staff[as].put(`/api/v1/accounts/${encodeURIComponent(email)}/activity`).send(body as object);
const timeline = (email: string, query = '') =>
  rita.get(`/api/v1/accounts/${encodeURIComponent(email)}/timeline${query}`);
const submit = (overrides: Record<string, unknown>) => cast.family(overrides);
const subject = (accountEmail: string) => ({
  subject: {
    status: 'DECEASED',
    fullName: 'Anna Keller',
    accountEmail,
    countryOfResidence: 'DE',
    dateOfDeath: '2026-05-01',
  },
});
const caseDetail = async (reference: string) =>
  (await rita.get(`/api/v1/cases/${reference}`).expect(200)).body as Record<string, unknown>;
const events = (body: unknown) =>
  (body as { events: { kind: string; date: string | null; state: string; stoppedBy: string[] }[] }).events.map(
    (e) => `${e.kind} ${e.date ?? '-'} ${e.state}${e.stoppedBy.length ? ` ${e.stoppedBy.join('+')}` : ''}`,
  );

describe('account activity', () => {
  it.each([
    ['an unknown field', { ...FACTS, lastLogin: '2025-01-01' }, 'lastLogin'],
    ['a sign-in as a number', { ...FACTS, lastSignInAt: 20250101 }, 'lastSignInAt'],
    ['a date that does not exist', { ...FACTS, lastSignInAt: '2025-02-30' }, 'lastSignInAt'],
    ['a sign-in after today', { ...FACTS, lastSignInAt: '2026-11-23' }, 'lastSignInAt'],
    [
      'a subscription ending before it started',
      { ...FACTS, subscriptions: [{ startedAt: '2024-05-01', endedAt: '2024-04-01' }] },
      'subscriptions.0.endedAt',
    ],
    ['an amount as a number', { ...FACTS, balance: { amount: 12.5, currency: 'EUR' } }, 'balance.amount'],
    ['an amount with a comma', { ...FACTS, balance: { amount: '12,50', currency: 'EUR' } }, 'balance.amount'],
    ['an unknown currency', { ...FACTS, balance: { amount: '1.00', currency: 'XYZ' } }, 'balance.currency'],
    ['an unknown purchase kind', { ...FACTS, purchases: [{ at: '2024-03-01', kind: 'CAR' }] }, 'purchases.0.kind'],
    ['a block before the last sign-in', { ...FACTS, blockedSince: '2025-01-01' }, 'blockedSince'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_name, body, field) => {
    const response = await putActivity('new.person@outlook.com', body).expect(400);
    expect((response.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    await timeline('new.person@outlook.com').expect(404);
  });

  it('refuses malformed JSON and an address that is none', async () => {
    await ada
      .put('/api/v1/accounts/anna%40outlook.com/activity')
      .set('Content-Type', 'application/json')
      .send('{"lastSignInAt": ')
      .expect(400);
    await putActivity('not-an-address', FACTS).expect(400);
  });

  it('is for admins (the account platform until API keys exist); reviewers read', async () => {
    await putActivity('anna.keller@outlook.com', FACTS, 'rita').expect(403);
    await request(t.http).put('/api/v1/accounts/anna.keller%40outlook.com/activity').send(FACTS).expect(401);
  });

  it('gives the timeline of domain.md §3, today or on a day asked for', async () => {
    const reported = await putActivity('Anna.Keller@Outlook.com', FACTS).expect(200);
    expect(reported.body).toMatchObject({
      accountEmail: 'anna.keller@outlook.com',
      asOf: '2026-11-22',
      policyVersion: '2020-11-06',
      status: 'ACTIVE',
      exceptions: [],
      holds: [],
      uncertaintyDays: 0,
      nextDeadline: { status: 'UPCOMING', kind: 'MAIL_FILES_DELETION', date: '2026-12-31', daysLeft: 39, held: false },
    });
    expect(events(reported.body)).toEqual([
      'MAIL_FILES_FREEZE 2026-12-01 UPCOMING',
      'MAIL_FILES_DELETION 2026-12-31 UPCOMING',
      'ACCOUNT_CLOSURE 2027-12-01 UPCOMING',
      'PERMANENT_DELETION 2028-01-30 UPCOMING',
    ]);
    const later = await timeline('anna.keller@outlook.com', '?asOf=2027-01-15').expect(200);
    expect(later.body).toMatchObject({ asOf: '2027-01-15', status: 'FROZEN' });
    await timeline('anna.keller@outlook.com', '?asOf=2027-02-30').expect(400);
    await timeline('nobody@outlook.com').expect(404);
  });
});

describe('a preservation hold', () => {
  it('holds the account while the case is open, and goes with the withdrawal', async () => {
    const created = await submit({ requestType: 'PRESERVE_DATA' });
    // Nobody has verified the family yet: the rules and its hold, none of the account's dates (domain.md §3).
    expect(created.body.deadlines).toMatchObject({
      datesShown: false,
      known: false,
      events: [],
      hold: { lapsesOn: '2026-12-22' },
    });

    const held = await timeline('anna.keller@outlook.com').expect(200);
    expect((held.body as { holds: unknown }).holds).toEqual([
      { caseReference: created.reference, since: '2026-11-22T10:00:00.000Z' },
    ]);
    expect((held.body as { exceptions: unknown }).exceptions).toEqual(['LEGAL_HOLD']);
    // The dates as they would fall without the hold, marked stopped.
    expect(events(held.body)).toEqual([
      'MAIL_FILES_FREEZE 2026-12-01 STOPPED LEGAL_HOLD',
      'MAIL_FILES_DELETION 2026-12-31 STOPPED LEGAL_HOLD',
      'ACCOUNT_CLOSURE 2027-12-01 STOPPED LEGAL_HOLD',
      'PERMANENT_DELETION 2028-01-30 STOPPED LEGAL_HOLD',
    ]);

    const status = await created.status().expect(200);
    expect((status.body as { deadlines: unknown }).deadlines).toMatchObject({
      datesShown: false,
      known: false,
      events: [],
      hold: { lapsesOn: '2026-12-22' },
    });
    expect(await caseDetail(created.reference)).toMatchObject({
      deadline: { status: 'STOPPED', kind: 'MAIL_FILES_DELETION', daysLeft: 39, held: true },
      timeline: { holds: [{ caseReference: created.reference }] },
    });

    const active = await ada.get('/api/v1/holds?active=true');
    expect(active.status).toBe(200);
    expect(active.body).toEqual({
      items: [
        {
          id: expect.any(String),
          accountEmail: 'anna.keller@outlook.com',
          caseReference: created.reference,
          placedAt: '2026-11-22T10:00:00.000Z',
          releasedAt: null,
          releaseReason: null,
        },
      ],
      nextCursor: null,
    });

    await created.withdraw().expect(200);
    const released = await timeline('anna.keller@outlook.com').expect(200);
    expect((released.body as { holds: unknown }).holds).toEqual([]);
    expect(events(released.body)[1]).toBe('MAIL_FILES_DELETION 2026-12-31 UPCOMING');
    const history = await ada.get('/api/v1/holds?active=false');
    expect(history.body).toMatchObject({ items: [{ caseReference: created.reference, releaseReason: 'WITHDRAWN' }] });
    const outbox = await t.dataSource.query<{ type: string }[]>(
      'SELECT type FROM outbox_events WHERE case_id = (SELECT id FROM cases WHERE reference = $1) ORDER BY seq',
      [created.reference],
    );
    expect(outbox.map((row) => row.type)).toEqual([
      'case.created',
      'hold.placed',
      'case.state_changed',
      'hold.released',
    ]);
  });

  it('does not show a family the hold of another family’s case', async () => {
    const first = await submit({ requestType: 'PRESERVE_DATA' });
    const second = await submit({ requestType: 'CLOSE_ACCOUNT' });
    const seen = await second.status().expect(200);
    expect(JSON.stringify(seen.body)).not.toContain(first.reference);
    expect((seen.body as { deadlines: unknown }).deadlines).toMatchObject({
      hold: null,
      datesShown: false,
      next: { status: 'UNKNOWN', held: false },
    });
    await first.withdraw().expect(200);
  });

  it('refuses a cursor it did not give out', async () => {
    await ada.get('/api/v1/holds?cursor=bm9wZQ').expect(400);
    await ada.get('/api/v1/holds?active=maybe').expect(400);
  });
});

describe('the queue ordered by data at risk', () => {
  it('puts first the case whose subject loses data soonest: unknown first, held later, nothing left last', async () => {
    const today = '2026-11-22';
    const signedIn = (daysBeforeFreeze: number) => {
      // Mail and files are deleted 1 year + 30 days after the sign-in.
      const date = new Date(`${today}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + daysBeforeFreeze - 30);
      date.setUTCFullYear(date.getUTCFullYear() - 1);
      return date.toISOString().slice(0, 10);
    };
    const accounts = {
      soon: ['q.soon@outlook.com', signedIn(10)],
      later: ['q.later@outlook.com', signedIn(100)],
      heldSoonest: ['q.held@outlook.com', signedIn(5)],
    } as const;
    for (const [email, lastSignInAt] of Object.values(accounts)) {
      await putActivity(email, { lastSignInAt }).expect(200);
    }
    await putActivity('q.gone@outlook.com', { lastSignInAt: '2024-06-01', closedByHolderAt: '2024-06-01' }).expect(200);

    const gone = await submit({ requestType: 'CLOSE_ACCOUNT', ...subject('q.gone@outlook.com') });
    const held = await submit({ requestType: 'RELEASE_DATA', ...subject('q.held@outlook.com') });
    const later = await submit({ requestType: 'CLOSE_ACCOUNT', ...subject('q.later@outlook.com') });
    const soon = await submit({ requestType: 'CLOSE_ACCOUNT', ...subject('q.soon@outlook.com') });
    const unknown = await submit({ requestType: 'CLOSE_ACCOUNT', ...subject('q.unknown@outlook.com') });
    const ours = [unknown, soon, later, held, gone].map((c) => c.reference);

    const seen: { reference: string; deadline: { status: string; daysLeft: number | null; held: boolean } }[] = [];
    let cursor: string | null = null;
    do {
      const page = await rita.get(`/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      const body = page.body as { items: typeof seen; nextCursor: string | null };
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    const order = seen.filter((item) => ours.includes(item.reference));
    expect(order.map((item) => item.reference)).toEqual(ours);
    expect(order.map((item) => [item.deadline.status, item.deadline.daysLeft, item.deadline.held])).toEqual([
      ['UNKNOWN', null, false],
      ['UPCOMING', 10, false],
      ['UPCOMING', 100, false],
      ['STOPPED', 5, true],
      ['NONE', null, false],
    ]);
    // The whole queue in one page agrees with the pages read by cursor.
    const all = await rita.get('/api/v1/cases?limit=100');
    expect((all.body as { items: { reference: string }[] }).items.map((i) => i.reference)).toEqual(
      seen.map((i) => i.reference),
    );
    await rita.get('/api/v1/cases?sort=created&cursor=' + riskCursor()).expect(400);
  });
});

/** A well-formed risk cursor, which a page ordered by creation must refuse. */
function riskCursor(): string {
  return Buffer.from(
    JSON.stringify({
      sort: 'risk',
      rank: 1,
      date: '2026-12-01',
      createdAt: new Date().toISOString(),
      id: '00000000-0000-4000-8000-000000000000',
    }),
  ).toString('base64url');
}

describe('the daily sweep', () => {
  it('lapses a hold the family sent nothing for, and places it again when they do', async () => {
    await putActivity('lapse@outlook.com', { lastSignInAt: '2025-12-20' }).expect(200);
    const created = await submit({ requestType: 'RELEASE_DATA', ...subject('lapse@outlook.com') });
    const sweep = t.app.get(DeadlineSweep);
    clock.advanceMinutes(29 * 24 * 60);
    expect(await sweep.run()).toMatchObject({ holdsLapsed: 0 });
    clock.advanceMinutes(24 * 60);
    // This one, and the held case of the queue test: neither family sent anything.
    expect(await sweep.run()).toMatchObject({ holdsLapsed: 2 });
    expect(await sweep.run()).toBeNull(); // once a day

    const lapsed = await created.status().expect(200);
    expect((lapsed.body as { deadlines: unknown }).deadlines).toMatchObject({ hold: null, datesShown: false });
    await login();
    expect(await caseDetail(created.reference)).toMatchObject({
      deadline: { kind: 'MAIL_FILES_DELETION', status: 'UPCOMING', held: false },
    });
    await created.upload('DEATH_CERTIFICATE', pdf('Sterbeurkunde')).expect(201);
    const again = await created.status().expect(200);
    expect((again.body as { deadlines: unknown }).deadlines).toMatchObject({ hold: { lapsesOn: null } });
    expect(await caseDetail(created.reference)).toMatchObject({ deadline: { held: true } });
    const reasons = await t.dataSource.query<{ release_reason: string | null }[]>(
      'SELECT release_reason FROM holds WHERE case_reference = $1 ORDER BY placed_at',
      [created.reference],
    );
    expect(reasons.map((r) => r.release_reason)).toEqual(['LAPSED', null]);
  });

  it('escalates an open case whose subject loses data within 14 days, once, with an audit entry and an event', async () => {
    await login();
    const today = clock.now().toISOString().slice(0, 10);
    const signIn = new Date(`${today}T00:00:00Z`);
    signIn.setUTCFullYear(signIn.getUTCFullYear() - 1);
    signIn.setUTCDate(signIn.getUTCDate() - 20); // deleted in 10 days
    await putActivity('urgent@outlook.com', { lastSignInAt: signIn.toISOString().slice(0, 10) }).expect(200);
    await putActivity('calm@outlook.com', { lastSignInAt: today }).expect(200);
    const urgent = await submit({ requestType: 'CLOSE_ACCOUNT', ...subject('urgent@outlook.com') });
    const calm = await submit({ requestType: 'CLOSE_ACCOUNT', ...subject('calm@outlook.com') });

    clock.advanceMinutes(24 * 60);
    const figures = await t.app.get(DeadlineSweep).run();
    await login();
    expect(figures).toMatchObject({ casesEscalated: 1 });
    expect(await caseDetail(urgent.reference)).toMatchObject({
      escalatedAt: clock.now().toISOString(),
      deadline: { kind: 'MAIL_FILES_DELETION', daysLeft: 9 },
    });
    expect(await caseDetail(calm.reference)).toMatchObject({ escalatedAt: null });
    const audit = await t.dataSource.query<{ details: unknown }[]>(
      `SELECT details FROM audit_entries WHERE action = 'case.escalated'
       AND case_id = (SELECT id FROM cases WHERE reference = $1)`,
      [urgent.reference],
    );
    expect(audit).toEqual([{ details: { kind: 'MAIL_FILES_DELETION', date: expect.any(String), daysLeft: 9 } }]);
    const outbox = await t.dataSource.query<{ payload: unknown }[]>(
      "SELECT payload FROM outbox_events WHERE type = 'deadline.escalated' AND payload->>'caseReference' = ANY($1)",
      [[urgent.reference, calm.reference]],
    );
    expect(outbox).toEqual([
      {
        payload: expect.objectContaining({ caseReference: urgent.reference, state: 'AWAITING_DOCUMENTS', daysLeft: 9 }),
      },
    ]);

    // The day the mail is deleted has passed: the stored deadline moves on to the closure.
    clock.advanceMinutes(10 * 24 * 60);
    await login();
    const next = await t.app.get(DeadlineSweep).run();
    expect(next?.accountsRecomputed).toBeGreaterThanOrEqual(1);
    expect(next?.casesEscalated).toBe(0);
    const queue = await rita.get('/api/v1/cases?limit=100');
    const item = (
      queue.body as { items: { reference: string; deadline: { kind: string }; escalatedAt: unknown }[] }
    ).items.find((i) => i.reference === urgent.reference);
    expect(item).toMatchObject({ deadline: { kind: 'ACCOUNT_CLOSURE' }, escalatedAt: null });
    expect(await t.app.get(DeadlineSweep).run({ again: true })).toMatchObject({
      casesEscalated: 0,
      escalationsCleared: 0,
    });
  });
});

describe('a hold to the end of its case', () => {
  const act = async (reference: string, action: string, body: object = {}, as = 'rita') => {
    const { version } = await caseDetail(reference);
    return (
      await cast.staff[as]
        .post(`/api/v1/cases/${reference}/actions/${action}`)
        .send({ version, ...body })
        .expect(200)
    ).body as { state: string; documents: { id: string }[] };
  };
  const germanRelease = async (accountEmail: string) => {
    await login();
    return (await cast.familyWithDocuments(subject(accountEmail))).reference;
  };
  const holdOf = async (reference: string) =>
    (
      await t.dataSource.query<{ release_reason: string | null }[]>(
        'SELECT release_reason FROM holds WHERE case_reference = $1 ORDER BY placed_at',
        [reference],
      )
    ).map((row) => row.release_reason);

  it('stays through the fulfilment and goes when a reviewer closes the case', async () => {
    const reference = await germanRelease('fulfilled@outlook.com');
    const started = await act(reference, 'start-review');
    for (const document of started.documents) {
      await rita
        .post(`/api/v1/cases/${reference}/documents/${document.id}/verification`)
        .send({ result: 'ACCEPTED' })
        .expect(200);
    }
    await act(reference, 'approve', { note: 'Erbschein checked.' });
    expect(await act(reference, 'approve', { note: 'Release approved.' }, 'lea')).toMatchObject({ state: 'APPROVED' });
    expect(await act(reference, 'fulfil')).toMatchObject({ state: 'FULFILLED' });
    expect(await holdOf(reference)).toEqual([null]);
    expect(await act(reference, 'close')).toMatchObject({ state: 'CLOSED' });
    expect(await holdOf(reference)).toEqual(['CLOSED']);
  });

  it('stays while a rejection can be appealed, and goes with the sweep once it is final', async () => {
    const reference = await germanRelease('rejected@outlook.com');
    await act(reference, 'start-review');
    expect(
      await act(reference, 'reject', { reasonCode: 'NOT_ENTITLED', note: 'The certificate names another heir.' }),
    ).toMatchObject({ state: 'REJECTED' });
    clock.advanceMinutes(30 * 24 * 60);
    expect(await t.app.get(DeadlineSweep).run()).toMatchObject({ holdsReleasedAfterRejection: 0 });
    expect(await holdOf(reference)).toEqual([null]);
    clock.advanceMinutes(24 * 60);
    expect(await t.app.get(DeadlineSweep).run()).toMatchObject({ holdsReleasedAfterRejection: 1 });
    expect(await holdOf(reference)).toEqual(['REJECTED']);
  });
});
