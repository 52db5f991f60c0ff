import request from 'supertest';
import { DeadlineSweep } from '@app/cases';
import { DocumentCipher } from '@app/documents';
import { confirmationCode } from '@app/notifications';
import { MovingClock } from '../support/moving-clock.js';
import { type People, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// domain.md §3: a request whose address is never confirmed is not a family's request yet.
const clock = new MovingClock(new Date('2026-11-22T10:00:00Z'));
let t: TestApp;
let cast: People;
let ada: Staff;
let rita: Staff;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000, REQUIRE_EMAIL_VERIFICATION: true }, { clock });
  cast = await people(t);
  ({ ada, rita } = cast.staff);
});
afterAll(() => t.close());

const subject = (accountEmail: string) => ({
  requestType: 'PRESERVE_DATA',
  subject: {
    status: 'DECEASED',
    fullName: 'Anna Keller',
    accountEmail,
    countryOfResidence: 'DE',
    dateOfDeath: '2026-05-01',
  },
});
const caseId = async (reference: string) =>
  (await t.dataSource.query<{ id: string }[]>('SELECT id FROM cases WHERE reference = $1', [reference]))[0].id;
const confirm = async (reference: string) =>
  request(t.http)
    .post(`/api/v1/requests/${reference}/email-confirmation`)
    .send({ code: confirmationCode(t.app.get(DocumentCipher), await caseId(reference)) })
    .expect(200);
const holdsOf = async (reference: string) =>
  (
    await t.dataSource.query<{ release_reason: string | null }[]>(
      'SELECT release_reason FROM holds WHERE case_reference = $1 ORDER BY placed_at',
      [reference],
    )
  ).map((row) => row.release_reason);
const clockOf = async (email: string) =>
  (
    (await rita.get(`/api/v1/accounts/${encodeURIComponent(email)}/timeline`).expect(200)).body as {
      exceptions: string[];
    }
  ).exceptions;

describe('the hold of an unconfirmed request', () => {
  it('lapses after UNCONFIRMED_HOLD_DAYS unless the address is confirmed, and comes back on confirmation', async () => {
    for (const email of ['stranger@outlook.com', 'family@outlook.com']) {
      await ada
        .put(`/api/v1/accounts/${encodeURIComponent(email)}/activity`)
        .send({ lastSignInAt: '2025-12-20' })
        .expect(200);
    }
    const stranger = await cast.family(subject('stranger@outlook.com'));
    const family = await cast.family(subject('family@outlook.com'));
    // The family is told: the hold ends in 7 days unless they confirm their address.
    expect(stranger.body.deadlines).toMatchObject({ hold: { lapsesOn: '2026-11-29', untilEmailConfirmed: true } });
    await confirm(family.reference);
    expect((await family.status().expect(200)).body.deadlines).toMatchObject({
      hold: { lapsesOn: '2026-12-22', untilEmailConfirmed: false },
    });

    const sweep = t.app.get(DeadlineSweep);
    clock.advanceMinutes(6 * 24 * 60);
    expect(await sweep.run()).toMatchObject({ holdsLapsed: 0 });
    clock.advanceMinutes(24 * 60);
    expect(await sweep.run()).toMatchObject({ holdsLapsed: 1 });
    await cast.login();

    expect(await holdsOf(stranger.reference)).toEqual(['LAPSED']);
    expect(await holdsOf(family.reference)).toEqual([null]);
    // The stranger's account's clocks run again; the confirmed family's stay stopped.
    expect(await clockOf('stranger@outlook.com')).not.toContain('LEGAL_HOLD');
    expect(await clockOf('family@outlook.com')).toContain('LEGAL_HOLD');
    expect((await stranger.status().expect(200)).body.deadlines).toMatchObject({ hold: null });

    // Confirming late places the hold again.
    await confirm(stranger.reference);
    expect(await holdsOf(stranger.reference)).toEqual(['LAPSED', null]);
    expect(await clockOf('stranger@outlook.com')).toContain('LEGAL_HOLD');
  });
});
