import request from 'supertest';
import { CaseReviewService } from '@app/cases';
import { pdf, validRequest } from './support/fixtures.js';
import { MovingClock } from './support/moving-clock.js';
import { createTestApp, type TestApp } from './support/test-app.js';

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
    const expiry = t.app.get(CaseReviewService);

    clock.advanceMinutes(50 * 24 * 60);
    await request(t.http)
      .post(`/api/v1/requests/${answering.reference}/documents`)
      .set('Authorization', `Bearer ${answering.accessToken}`)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf(), 'akte.pdf')
      .expect(201);

    clock.advanceMinutes(39 * 24 * 60); // day 89
    expect(await expiry.expireOverdue()).toBe(0);
    clock.advanceMinutes(2 * 24 * 60); // day 91
    expect(await expiry.expireOverdue()).toBe(1);
    expect(await state(silent)).toBe('EXPIRED');
    expect(await state(answering)).toBe('AWAITING_DOCUMENTS');

    const [entry] = await t.dataSource.query<[{ actor_type: string; details: object }]>(
      "SELECT actor_type, details FROM audit_entries WHERE action = 'case.state_changed' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry).toEqual({ actor_type: 'system', details: { from: 'AWAITING_DOCUMENTS', to: 'EXPIRED' } });
    expect(await expiry.expireOverdue()).toBe(0); // idempotent
  });
});
