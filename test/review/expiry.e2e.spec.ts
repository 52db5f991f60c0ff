import { CaseExpiryJob } from '@app/cases';
import { pdf } from '../support/fixtures.js';
import { MovingClock } from '../support/moving-clock.js';
import { type Family, family, familyWithDocuments, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const clock = new MovingClock(new Date('2026-11-23T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ CASE_EXPIRY_DAYS: 90 }, { clock });
});
afterAll(() => t.close());

const state = async (of: Family): Promise<string> => ((await of.status().expect(200)).body as { state: string }).state;

describe('cases the family leaves unanswered', () => {
  it('expire after 90 days without any answer, and not before; an upload counts as an answer', async () => {
    const silent = await family(t);
    const answering = await family(t);
    const expiry = t.app.get(CaseExpiryJob);

    clock.advanceMinutes(50 * 24 * 60);
    await answering.upload('DEATH_CERTIFICATE', pdf(), 'akte.pdf').expect(201);

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
    const { reviewer } = await people(t, { cast: { rita: 'reviewer' } });
    const ready = async (): Promise<string> => (await familyWithDocuments(t)).reference;
    const old = await ready();
    clock.advanceMinutes(7 * 24 * 60); // a week: more than 2 business days
    const fresh = await ready();
    const list = async (sla?: string): Promise<string[]> => {
      await reviewer.login(); // a fresh session for every look: the clock moves by days here
      const queue = await reviewer
        .get('/api/v1/cases')
        .query(sla ? { sla, state: 'READY_FOR_REVIEW' } : { state: 'READY_FOR_REVIEW' })
        .expect(200);
      return (queue.body as { items: { reference: string }[] }).items.map((i) => i.reference);
    };
    expect(await list()).toEqual(expect.arrayContaining([old, fresh]));
    expect(await list('breached')).toEqual([old]);
    clock.advanceMinutes(40 * 60); // 40 hours into the fresh case's 48: near breach
    expect(await list('near')).toEqual(expect.arrayContaining([old, fresh]));
  });
});
