import { MovingClock } from '../support/moving-clock.js';
import { type People, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// domain.md §3 "Who may see the dates": an unverified requester learns nothing of the account.
const clock = new MovingClock(new Date('2026-11-22T10:00:00Z'));
let t: TestApp;
let cast: People;
let ada: Staff;
let rita: Staff;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 }, { clock });
  cast = await people(t);
  ({ ada, rita } = cast.staff);
});
afterAll(() => t.close());

const FACTS = {
  lastSignInAt: '2025-12-01',
  blockedSince: null,
  closedByHolderAt: null,
  purchases: [],
  subscriptions: [{ startedAt: '2023-01-01', endedAt: null }],
  storePublisher: false,
  certified: false,
  balance: { amount: '0.00', currency: 'EUR' },
  owedByProvider: { amount: '0.00', currency: 'EUR' },
  consentedMinorAccounts: [],
};

const subject = (accountEmail: string) => ({
  subject: {
    status: 'DECEASED',
    fullName: 'Anna Keller',
    accountEmail,
    countryOfResidence: 'DE',
    dateOfDeath: '2026-05-01',
  },
});

/** The answer without what differs between any two requests anyway. */
function shape(body: unknown): unknown {
  return JSON.parse(
    JSON.stringify(body, (key, value: unknown) =>
      ['reference', 'accessToken', 'id', 'createdAt', 'since', 'at', 'uploadedAt', 'sha256', 'documentIds'].includes(
        key,
      )
        ? '…'
        : value,
    ),
  ) as unknown;
}

describe('who may see the dates', () => {
  it('shows a stranger the same answer for a reported and an unreported account, without dates', async () => {
    await ada
      .put(`/api/v1/accounts/${encodeURIComponent('reported@outlook.com')}/activity`)
      .send(FACTS)
      .expect(200);
    const reported = await cast.family(subject('reported@outlook.com'));
    const unreported = await cast.family(subject('unreported@outlook.com'));

    expect(reported.body.deadlines).toMatchObject({ datesShown: false, known: false, events: [] });
    expect(JSON.stringify(reported.body)).not.toContain('2026-12-01');
    expect(shape(reported.body)).toEqual(shape(unreported.body));

    const [reportedStatus, unreportedStatus] = await Promise.all([
      reported.status().expect(200),
      unreported.status().expect(200),
    ]);
    expect(reportedStatus.body.deadlines).toMatchObject({ datesShown: false, known: false, events: [] });
    expect(shape(reportedStatus.body)).toEqual(shape(unreportedStatus.body));
  });

  it('shows the dates once a reviewer accepted the proof of death and the identity', async () => {
    await ada
      .put(`/api/v1/accounts/${encodeURIComponent('verified@outlook.com')}/activity`)
      .send(FACTS)
      .expect(200);
    const family = await cast.familyWithDocuments(subject('verified@outlook.com'));
    const detail = async () =>
      (await rita.get(`/api/v1/cases/${family.reference}`).expect(200)).body as {
        version: number;
        documents: { id: string; type: string }[];
      };
    await rita
      .post(`/api/v1/cases/${family.reference}/actions/start-review`)
      .send({ version: (await detail()).version })
      .expect(200);
    const { documents } = await detail();
    const verify = (type: string) =>
      rita
        .post(`/api/v1/cases/${family.reference}/documents/${documents.find((d) => d.type === type)!.id}/verification`)
        .send({ result: 'ACCEPTED' })
        .expect(200);

    await verify('DEATH_CERTIFICATE');
    // The death is proven, the requester is not yet: still no dates.
    expect((await family.status().expect(200)).body.deadlines).toMatchObject({ datesShown: false, events: [] });

    await verify('REQUESTER_ID');
    const { deadlines } = (await family.status().expect(200)).body as {
      deadlines: { datesShown: boolean; known: boolean; events: { kind: string; date: string | null }[] };
    };
    expect(deadlines).toMatchObject({ datesShown: true, known: true });
    expect(deadlines.events).toContainEqual(expect.objectContaining({ kind: 'MAIL_FILES_FREEZE', date: '2026-12-01' }));
  });
});
