import request from 'supertest';
import { pdf, validRequest } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const submit = (key: string, body: object = validRequest()) =>
  request(t.http).post('/api/v1/requests').set('Idempotency-Key', key).send(body);

describe('Idempotency-Key', () => {
  it('gives the first answer again for the same key and body, and stores one case', async () => {
    const first = await submit('3b7e1c52-0001').expect(201);
    const again = await submit('3b7e1c52-0001').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM cases WHERE reference = $1',
      [(first.body as { reference: string }).reference],
    );
    expect(n).toBe(1);
  });

  it('refuses the same key with another body (422)', async () => {
    await submit('3b7e1c52-0002').expect(201);
    const other = await submit('3b7e1c52-0002', validRequest({ requestType: 'CLOSE_ACCOUNT' })).expect(422);
    expect((other.body as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('makes one case of parallel identical requests; the others are told it is in progress or replayed', async () => {
    const before = await t.rowCount('cases');
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit('3b7e1c52-0003')));
    expect(await t.rowCount('cases')).toBe(before + 1);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const references = new Set(
      answers
        .filter((answer) => answer.status === 201)
        .map((answer) => (answer.body as { reference: string }).reference),
    );
    expect(references.size).toBe(1);
    const busy = answers.find((answer) => answer.status === 409);
    if (busy) expect((busy.body as { code: string }).code).toBe('IDEMPOTENCY_IN_PROGRESS');
  });

  it('frees the key of a request that failed, so it can be retried as it is', async () => {
    const bad = validRequest({ requestType: 'NOPE' });
    await submit('3b7e1c52-0004', bad).expect(400);
    await submit('3b7e1c52-0004').expect(201);
  });

  it('keeps keys per caller, and refuses a key that is not one', async () => {
    await submit('shared-key').expect(201);
    const created = (await submit('3b7e1c52-0005').expect(201)).body as { reference: string; accessToken: string };
    // The family's token is another caller than the anonymous submitter: the same key is theirs to use.
    const upload = () =>
      request(t.http)
        .post(`/api/v1/requests/${created.reference}/documents`)
        .set('Authorization', `Bearer ${created.accessToken}`)
        .set('Idempotency-Key', 'shared-key')
        .field('type', 'DEATH_CERTIFICATE')
        .attach('file', pdf('Sterbeurkunde'), 'scan.pdf');
    const first = await upload().expect(201);
    const again = await upload().expect(201);
    expect(again.body).toEqual(first.body);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM documents WHERE case_id = (SELECT id FROM cases WHERE reference = $1)',
      [created.reference],
    );
    expect(n).toBe(1);
    await submit('bad key with spaces').expect(400);
  });

  it('keeps no access token in plain text', async () => {
    const created = (await submit('3b7e1c52-0006').expect(201)).body as { accessToken: string };
    const dump = JSON.stringify(
      await t.dataSource.query("SELECT encode(sealed_body, 'escape') AS body FROM idempotency_keys"),
    );
    expect(dump).not.toContain(created.accessToken);
  });
});
