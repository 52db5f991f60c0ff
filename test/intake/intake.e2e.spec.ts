import { createDecipheriv, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { REFERENCE_PATTERN } from '@app/cases';
import { Clock } from '@app/common';
import { jpeg, pdf, png, validRequest } from '../support/fixtures.js';
import { type Family, family } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const submit = (overrides?: Record<string, unknown>): Promise<Family> => family(t, overrides);

function upload(reference: string, token: string, type: string, file: Buffer, fileName: string) {
  return request(t.http)
    .post(`/api/v1/requests/${reference}/documents`)
    .set('Authorization', `Bearer ${token}`)
    .field('type', type)
    .attach('file', file, { filename: fileName, contentType: 'application/octet-stream' });
}

/** Decrypts a stored file with the key material of its row, as only the server can. */
async function decryptStored(documentId: string): Promise<Buffer> {
  const [row] = await t.dataSource.query<
    [{ storage_key: string; wrapped_key: Buffer; content_iv: Buffer; content_tag: Buffer }]
  >('SELECT storage_key, wrapped_key, content_iv, content_tag FROM documents WHERE id = $1', [documentId]);
  const master = Buffer.from(t.config.DOCUMENT_MASTER_KEY!, 'base64');
  const unwrap = createDecipheriv('aes-256-gcm', master, row.wrapped_key.subarray(0, 12));
  unwrap.setAuthTag(row.wrapped_key.subarray(12, 28));
  const dataKey = Buffer.concat([unwrap.update(row.wrapped_key.subarray(28)), unwrap.final()]);
  const ciphertext = await readFile(join(t.uploadDir, 'objects', row.storage_key.slice(0, 2), row.storage_key));
  const decipher = createDecipheriv('aes-256-gcm', dataKey, row.content_iv);
  decipher.setAuthTag(row.content_tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

describe('intake round trip', () => {
  it('creates a request, takes two documents, and shows them back', async () => {
    const created = await request(t.http).post('/api/v1/requests').send(validRequest()).expect(201);
    expect(created.body).toEqual({
      reference: expect.stringMatching(REFERENCE_PATTERN),
      accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: 'AWAITING_DOCUMENTS',
      jurisdiction: 'DE',
      checklist: expect.objectContaining({ version: 'DE-1', satisfied: false, allProvided: false }),
      createdAt: expect.any(String),
      // No activity reported for the account yet; the request to see its data holds it at once.
      deadlines: expect.objectContaining({
        known: false,
        events: [],
        hold: expect.objectContaining({ lapsesOn: expect.any(String) }),
      }),
    });
    const { reference, accessToken } = created.body as { reference: string; accessToken: string };
    expect(reference.startsWith(`NOK-${new Date().getUTCFullYear()}-`)).toBe(true);

    const certificate = pdf('Sterbeurkunde Anna Keller');
    const passport = jpeg();
    const first = await upload(reference, accessToken, 'DEATH_CERTIFICATE', certificate, 'Sterbeurkunde_Müller.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      type: 'DEATH_CERTIFICATE',
      fileName: 'Sterbeurkunde_Müller.pdf',
      mediaType: 'application/pdf',
      size: certificate.length,
      sha256: createHash('sha256').update(certificate).digest('hex'),
      verification: 'PENDING',
      servedVia: null,
      rejectionReason: null,
      uploadedAt: expect.any(String),
      requiredHere: true,
      scan: 'NOT_SCANNED', // no CLAMD_SOCKET here: test/documents/malware.clamd.ts scans
      readable: true,
    });
    const second = await upload(reference, accessToken, 'DECEASED_ID', passport, '死亡证明.jpg').expect(201);
    expect(second.body).toMatchObject({ fileName: '死亡证明.jpg', mediaType: 'image/jpeg', size: passport.length });

    const status = await request(t.http)
      .get(`/api/v1/requests/${reference}`)
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(200);
    expect(status.body).toMatchObject({
      reference,
      state: 'AWAITING_DOCUMENTS',
      requestType: 'RELEASE_DATA',
      jurisdiction: 'DE',
      decision: null,
      history: [{ state: 'AWAITING_DOCUMENTS', at: expect.any(String) }],
    });
    expect((status.body as { documents: unknown[] }).documents).toEqual([
      expect.objectContaining({
        id: first.body.id,
        type: 'DEATH_CERTIFICATE',
        verification: 'PENDING',
        rejectionReason: null,
      }),
      expect.objectContaining({ id: second.body.id, type: 'DECEASED_ID', sha256: second.body.sha256 }),
    ]);

    // At rest: ciphertext only, which decrypts to exactly the recorded hash.
    for (const [document, plaintext] of [
      [first.body, certificate],
      [second.body, passport],
    ] as const) {
      const [row] = await t.dataSource.query<[{ storage_key: string }]>(
        'SELECT storage_key FROM documents WHERE id = $1',
        [document.id],
      );
      const onDisk = await readFile(join(t.uploadDir, 'objects', row.storage_key.slice(0, 2), row.storage_key));
      expect(onDisk.equals(plaintext)).toBe(false);
      expect(onDisk.includes(plaintext.subarray(0, 16))).toBe(false);
      const decrypted = await decryptStored(document.id as string);
      expect(createHash('sha256').update(decrypted).digest('hex')).toBe(document.sha256);
    }
    expect((await t.storedFiles()).filter((file) => file.startsWith('staging'))).toEqual([]);
  });

  it('takes a PDF declared as image/png by its bytes', async () => {
    const { reference, accessToken } = await submit();
    const response = await request(t.http)
      .post(`/api/v1/requests/${reference}/documents`)
      .set('Authorization', `Bearer ${accessToken}`)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf(), { filename: 'scan.png', contentType: 'image/png' })
      .expect(201);
    expect(response.body.mediaType).toBe('application/pdf');
  });

  it('accepts a PNG court order with how it was served', async () => {
    const { reference, accessToken } = await submit({
      subject: { ...(validRequest().subject as object), countryOfResidence: 'NL' },
    });
    const response = await request(t.http)
      .post(`/api/v1/requests/${reference}/documents`)
      .set('Authorization', `Bearer ${accessToken}`)
      .field('type', 'COURT_ORDER')
      .field('servedVia', 'COURIER')
      .attach('file', png(), 'order.png')
      .expect(201);
    expect(response.body).toMatchObject({ type: 'COURT_ORDER', servedVia: 'COURIER', mediaType: 'image/png' });
  });

  it('keeps only the last part of a file name sent with folders', async () => {
    const { reference, accessToken } = await submit();
    const windows = await upload(reference, accessToken, 'DEATH_CERTIFICATE', pdf(), '..\\..\\Windows\\akte.pdf');
    const unix = await upload(reference, accessToken, 'DECEASED_ID', pdf(), '../../etc/passport.pdf');
    expect([windows.status, unix.status]).toEqual([201, 201]);
    expect([windows.body.fileName, unix.body.fileName]).toEqual(['akte.pdf', 'passport.pdf']);
  });

  it('numbers references from a sequence', async () => {
    const a = await submit();
    const b = await submit();
    const number = (reference: string): number => Number(reference.split('-')[2]);
    expect(number(b.reference)).toBeGreaterThan(number(a.reference));
  });

  it('stores only a hash of the access token', async () => {
    const { reference, accessToken } = await submit();
    const [row] = await t.dataSource.query<[Record<string, unknown>]>('SELECT * FROM cases WHERE reference = $1', [
      reference,
    ]);
    expect(JSON.stringify(row)).not.toContain(accessToken);
    expect((row.access_token_hash as Buffer).equals(createHash('sha256').update(accessToken).digest())).toBe(true);
  });
});

describe('who may see a request', () => {
  let a: Family;
  let b: Family;
  beforeAll(async () => {
    a = await submit();
    b = await submit();
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'Bearer nope'],
    ['a wrong token', `Bearer ${'x'.repeat(43)}`],
    ['a token in the wrong scheme', 'Basic abc'],
  ])('answers 401 to %s', async (_label, header) => {
    const call = request(t.http).get(`/api/v1/requests/${a.reference}`);
    if (header) call.set('Authorization', header);
    const response = await call.expect(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it("answers 404 to another case's token, exactly as to an unknown reference", async () => {
    const other = await request(t.http)
      .get(`/api/v1/requests/${a.reference}`)
      .set('Authorization', `Bearer ${b.accessToken}`)
      .expect(404);
    const unknown = await request(t.http)
      .get('/api/v1/requests/NOK-1999-999999')
      .set('Authorization', `Bearer ${b.accessToken}`)
      .expect(404);
    expect(other.body).toEqual(unknown.body);
  });

  it('never lets a token upload to, or withdraw, another case', async () => {
    await request(t.http)
      .post(`/api/v1/requests/${a.reference}/documents`)
      .set('Authorization', `Bearer ${b.accessToken}`)
      .field('type', 'DEATH_CERTIFICATE')
      .attach('file', pdf(), 'x.pdf')
      .expect(404);
    await request(t.http)
      .post(`/api/v1/requests/${a.reference}/withdrawal`)
      .set('Authorization', `Bearer ${b.accessToken}`)
      .expect(404);
    const status = await request(t.http)
      .get(`/api/v1/requests/${a.reference}`)
      .set('Authorization', `Bearer ${a.accessToken}`)
      .expect(200);
    expect(status.body).toMatchObject({ state: 'AWAITING_DOCUMENTS', documents: [] });
  });
});

describe('withdrawal', () => {
  it('withdraws an open request once, and then takes no more documents', async () => {
    const { reference, accessToken } = await submit();
    const withdrawn = await request(t.http)
      .post(`/api/v1/requests/${reference}/withdrawal`)
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(200);
    expect(withdrawn.body.state).toBe('WITHDRAWN');
    expect((withdrawn.body.history as { state: string }[]).map((h) => h.state)).toEqual([
      'AWAITING_DOCUMENTS',
      'WITHDRAWN',
    ]);
    const again = await request(t.http)
      .post(`/api/v1/requests/${reference}/withdrawal`)
      .set('Authorization', `Bearer ${accessToken}`)
      .expect(409);
    expect(again.body.code).toBe('CASE_NOT_OPEN');
    const before = await t.storedFiles();
    const late = await upload(reference, accessToken, 'DEATH_CERTIFICATE', pdf(), 'late.pdf').expect(409);
    expect(late.body.code).toBe('CASE_NOT_OPEN');
    expect(await t.storedFiles()).toEqual(before);
  });
});

describe('dates of death across time zones', () => {
  it("accepts today's date where the family lives, even when UTC is still on yesterday", async () => {
    class FixedClock extends Clock {
      now(): Date {
        return new Date('2026-11-23T11:30:00Z'); // 00:30 on 24 November in Kiribati (UTC+14)
      }
    }
    const zoned = await createTestApp({}, { clock: new FixedClock() });
    try {
      const subject = { ...(validRequest().subject as object) };
      await request(zoned.http)
        .post('/api/v1/requests')
        .send(validRequest({ subject: { ...subject, dateOfDeath: '2026-11-24' } }))
        .expect(201);
      const refused = await request(zoned.http)
        .post('/api/v1/requests')
        .send(validRequest({ subject: { ...subject, dateOfDeath: '2026-11-25' } }))
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'subject.dateOfDeath', message: 'must not be in the future' }]);
    } finally {
      await zoned.close();
    }
  });
});
