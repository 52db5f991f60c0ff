import { jest } from '@jest/globals';
import request from 'supertest';
import { runCli } from '../../apps/server/src/cli.js';
import { CaseExpiryJob } from '@app/cases';
import { pdf, validRequest } from '../support/fixtures.js';
import { MovingClock } from '../support/moving-clock.js';
import { germanReleaseWithDocuments } from '../support/families.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const clock = new MovingClock(new Date('2026-11-23T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ CASE_EXPIRY_DAYS: 90 }, { clock });
});
afterAll(() => t.close());

const state = async (c: { reference: string; accessToken: string }): Promise<string> =>
  (
    (
      await request(t.http)
        .get(`/api/v1/requests/${c.reference}`)
        .set('Authorization', `Bearer ${c.accessToken}`)
        .expect(200)
    ).body as { state: string }
  ).state;

describe('cases the family leaves unanswered', () => {
  it('expire after 90 days without any answer, and not before; an upload counts as an answer', async () => {
    const silent = (await request(t.http).post('/api/v1/requests').send(validRequest()).expect(201)).body as {
      reference: string;
      accessToken: string;
    };
    const answering = (await request(t.http).post('/api/v1/requests').send(validRequest()).expect(201)).body as {
      reference: string;
      accessToken: string;
    };
    const expiry = t.app.get(CaseExpiryJob);

    clock.advanceMinutes(50 * 24 * 60);
    await request(t.http)
      .post(`/api/v1/requests/${answering.reference}/documents`)
      .set('Authorization', `Bearer ${answering.accessToken}`)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf(), 'akte.pdf')
      .expect(201);

    clock.advanceMinutes(39 * 24 * 60); // day 89
    expect(await expiry.run()).toBe(0);
    clock.advanceMinutes(2 * 24 * 60); // day 91
    expect(await expiry.run()).toBe(1);
    expect(await state(silent)).toBe('EXPIRED');
    expect(await state(answering)).toBe('AWAITING_DOCUMENTS');

    const [entry] = await t.dataSource.query<[{ actor_type: string; details: object }]>(
      "SELECT actor_type, details FROM audit_entries WHERE action = 'case.state_changed' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry).toEqual({ actor_type: 'system', details: { from: 'AWAITING_DOCUMENTS', to: 'EXPIRED' } });
    expect(await expiry.run()).toBe(0); // idempotent
  });
});

describe('the queue flags SLA breaches', () => {
  it('lists only breached cases with sla=breached, and near ones with sla=near', async () => {
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await runCli(['users:create', '--email', 'rita@example.org', '--role', 'reviewer'], {
      DATABASE_URL: t.config.DATABASE_URL,
      NEW_USER_PASSWORD: 'correct horse battery staple',
    });
    quiet.mockRestore();
    // A fresh session for every look: the clock moves by days here.
    const token = async (): Promise<string> =>
      (
        (
          await request(t.http)
            .post('/api/v1/auth/login')
            .send({ email: 'rita@example.org', password: 'correct horse battery staple' })
            .expect(200)
        ).body as { token: string }
      ).token;
    const ready = async (): Promise<string> => {
      return (await germanReleaseWithDocuments(t.http)).reference;
    };
    const old = await ready();
    clock.advanceMinutes(7 * 24 * 60); // a week: more than 2 business days
    const fresh = await ready();
    const list = async (sla?: string): Promise<string[]> =>
      (
        (
          await request(t.http)
            .get('/api/v1/cases')
            .query(sla ? { sla, state: 'READY_FOR_REVIEW' } : { state: 'READY_FOR_REVIEW' })
            .set('Authorization', `Bearer ${await token()}`)
            .expect(200)
        ).body as {
          items: { reference: string }[];
        }
      ).items.map((i) => i.reference);
    expect(await list()).toEqual(expect.arrayContaining([old, fresh]));
    expect(await list('breached')).toEqual([old]);
    clock.advanceMinutes(40 * 60); // 40 hours into the fresh case's 48: near breach
    expect(await list('near')).toEqual(expect.arrayContaining([old, fresh]));
  });
});
