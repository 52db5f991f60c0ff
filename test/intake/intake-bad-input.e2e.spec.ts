import request from 'supertest';
import { pdf, validRequest, windowsExecutable } from '../support/fixtures.js';
import { type Family, family } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = 64 * 1024;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ MAX_FILE_SIZE_BYTES: LIMIT, MAX_DOCUMENTS_PER_CASE: 2 });
});
afterAll(() => t.close());

interface Snapshot {
  cases: number;
  documents: number;
  files: string[];
}
const snapshot = async (): Promise<Snapshot> => ({
  cases: await t.rowCount('cases'),
  documents: await t.rowCount('documents'),
  files: await t.storedFiles(),
});

function expectProblem(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail.length).toBeGreaterThan(10);
}

const subject = validRequest().subject as Record<string, unknown>;
const requester = validRequest().requester as Record<string, unknown>;

describe('POST /api/v1/requests refuses bad input and stores nothing', () => {
  it.each<[string, string | object, string[]]>([
    ['malformed JSON', '{"requestType": "RELEASE_DATA",', []],
    ['a JSON array', '[1,2]', []],
    ['a missing requester', { requestType: 'RELEASE_DATA', subject }, ['requester']],
    [
      'a missing field inside subject',
      validRequest({ subject: { ...subject, fullName: undefined } }),
      ['subject.fullName'],
    ],
    ['an unknown top-level field', validRequest({ priority: 'high' }), ['priority']],
    ['an unknown nested field', validRequest({ requester: { ...requester, password: 'x' } }), ['requester.password']],
    ['a wrong enum', validRequest({ requestType: 'DELETE_EVERYTHING' }), ['requestType']],
    [
      'a wrong relationship',
      validRequest({ requester: { ...requester, relationship: 'FRIEND' } }),
      ['requester.relationship'],
    ],
    [
      'an invalid country',
      validRequest({ subject: { ...subject, countryOfResidence: 'XX' } }),
      ['subject.countryOfResidence'],
    ],
    [
      'a country name instead of a code',
      validRequest({ requester: { ...requester, countryOfResidence: 'Germany' } }),
      ['requester.countryOfResidence'],
    ],
    [
      'an invalid e-mail',
      validRequest({ requester: { ...requester, email: 'jonas(at)example' } }),
      ['requester.email'],
    ],
    [
      'a death in the future',
      validRequest({ subject: { ...subject, dateOfDeath: '2999-01-01' } }),
      ['subject.dateOfDeath'],
    ],
    [
      'an impossible date',
      validRequest({ subject: { ...subject, dateOfDeath: '2026-02-30' } }),
      ['subject.dateOfDeath'],
    ],
    [
      'a deceased subject without a date of death',
      validRequest({ subject: { ...subject, dateOfDeath: undefined } }),
      ['subject.dateOfDeath'],
    ],
    ['a wrong type for a name', validRequest({ subject: { ...subject, fullName: 42 } }), ['subject.fullName']],
    ['a string where an object belongs', validRequest({ subject: 'Anna' }), ['subject']],
    [
      'a NUL character, which PostgreSQL cannot store (found by the OpenAPI fuzzer)',
      validRequest({ subject: { ...subject, fullName: 'Anna\u0000Keller' } }),
      ['subject.fullName'],
    ],
    [
      'an invalid language tag',
      validRequest({ requester: { ...requester, language: 'not a language!' } }),
      ['requester.language'],
    ],
  ])('%s', async (_label, body, fields) => {
    const before = await snapshot();
    const call = request(t.http).post('/api/v1/requests').set('Content-Type', 'application/json');
    const response = await call.send(typeof body === 'string' ? body : JSON.stringify(body));
    if (fields.length === 0) {
      expect(response.status).toBe(400);
      expect(['MALFORMED_JSON', 'VALIDATION_FAILED']).toContain(response.body.code);
    } else {
      expectProblem(response, 400, 'VALIDATION_FAILED');
      const named = (response.body.errors as { field: string }[]).map((error) => error.field);
      for (const field of fields) expect(named).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with its own code', async () => {
    const response = await request(t.http)
      .post('/api/v1/requests')
      .set('Content-Type', 'application/json')
      .send('{"requestType": ');
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('refuses an oversized JSON body', async () => {
    const before = await snapshot();
    const huge = validRequest({ subject: { ...subject, fullName: 'A'.repeat(100_000) } });
    const response = await request(t.http).post('/api/v1/requests').send(huge);
    expectProblem(response, 413, 'BODY_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });
});

describe('POST /api/v1/requests/{reference}/documents refuses bad files and leaves nothing behind', () => {
  let requester: Family;
  beforeAll(async () => {
    requester = await family(t);
  });

  const post = () => requester.post(`/api/v1/requests/${requester.reference}/documents`);

  it.each<[string, () => request.Test, number, string]>([
    [
      'a 0-byte file',
      () => post().field('type', 'DEATH_CERTIFICATE').attach('file', Buffer.alloc(0), 'empty.pdf'),
      400,
      'FILE_EMPTY',
    ],
    [
      'a file one byte over the limit',
      () =>
        post()
          .field('type', 'DEATH_CERTIFICATE')
          .attach('file', pdf('big', LIMIT + 1), 'big.pdf'),
      413,
      'FILE_TOO_LARGE',
    ],
    [
      'an executable renamed .pdf',
      () =>
        post()
          .field('type', 'DEATH_CERTIFICATE')
          .attach('file', windowsExecutable(), { filename: 'Sterbeurkunde.pdf', contentType: 'application/pdf' }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    ],
    [
      'plain text',
      () =>
        post().field('type', 'DEATH_CERTIFICATE').attach('file', Buffer.from('hello, this is not a scan'), 'note.pdf'),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    ],
    [
      'a name with ../ and a bidirectional override',
      () => post().field('type', 'DEATH_CERTIFICATE').attach('file', pdf(), '../../etc/cert\u202Efdp.exe'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a name with a bidirectional override alone',
      () => post().field('type', 'DEATH_CERTIFICATE').attach('file', pdf(), 'invoice\u202Efdp.exe'),
      400,
      'VALIDATION_FAILED',
    ],
    ['a missing file part', () => post().field('type', 'DEATH_CERTIFICATE'), 400, 'FILE_MISSING'],
    ['a missing type', () => post().attach('file', pdf(), 'a.pdf'), 400, 'VALIDATION_FAILED'],
    [
      'an unknown document type',
      () => post().field('type', 'SELFIE').attach('file', pdf(), 'a.pdf'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'servedVia on a death certificate',
      () => post().field('type', 'DEATH_CERTIFICATE').field('servedVia', 'POST').attach('file', pdf(), 'a.pdf'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown servedVia',
      () => post().field('type', 'COURT_ORDER').field('servedVia', 'PIGEON').attach('file', pdf(), 'a.pdf'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown form field',
      () => post().field('type', 'DEATH_CERTIFICATE').field('note', 'hi').attach('file', pdf(), 'a.pdf'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'two files',
      () => post().field('type', 'DEATH_CERTIFICATE').attach('file', pdf(), 'a.pdf').attach('file', pdf(), 'b.pdf'),
      400,
      'MULTIPART_INVALID',
    ],
    [
      'a file under another name',
      () => post().field('type', 'DEATH_CERTIFICATE').attach('document', pdf(), 'a.pdf'),
      400,
      'MULTIPART_INVALID',
    ],
    ['JSON instead of a form', () => post().send({ type: 'DEATH_CERTIFICATE' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'a truncated form',
      () =>
        post()
          .set('Content-Type', 'multipart/form-data; boundary=XyZ')
          .send('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc'),
      400,
      'MULTIPART_INVALID',
    ],
  ])('%s', async (_label, send, status, code) => {
    const before = await snapshot();
    const response = await send();
    expectProblem(response, status, code);
    expect(await snapshot()).toEqual(before);
  });

  it('names the file field when the file name is refused', async () => {
    const response = await post().field('type', 'DEATH_CERTIFICATE').attach('file', pdf(), 'scan\u202Egpj.pdf');
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('direction') }]);
  });

  it('takes a file of exactly the limit, then refuses one document too many', async () => {
    await post().field('type', 'DEATH_CERTIFICATE').attach('file', pdf('at limit', LIMIT), 'limit.pdf').expect(201);
    await post().field('type', 'DECEASED_ID').attach('file', pdf(), 'id.pdf').expect(201);
    const before = await snapshot();
    const response = await post().field('type', 'REQUESTER_ID').attach('file', pdf(), 'one-too-many.pdf');
    expectProblem(response, 422, 'DOCUMENT_LIMIT_REACHED');
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly as many concurrent uploads in as the limit allows', async () => {
    const fresh = await family(t);
    const ref = fresh.reference;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fresh.upload('DEATH_CERTIFICATE', pdf(`copy ${i}`), `copy-${i}.pdf`)),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 422, 422, 422, 422]);
    const status = await fresh.status();
    expect(status.body.documents).toHaveLength(2);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.reference = $1',
      [ref],
    );
    expect(n).toBe(2);
    expect((await t.storedFiles()).filter((file) => file.startsWith('staging'))).toEqual([]);
  });
});
