import request from 'supertest';
import { pdf, validRequest } from '../support/fixtures.js';
import { type Family, family } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/checklists', () => {
  it('shows the German checklist for a child', async () => {
    const response = await request(t.http)
      .get('/api/v1/checklists')
      .query({ country: 'DE', requestType: 'RELEASE_DATA', relationship: 'CHILD' })
      .expect(200);
    expect(response.body).toMatchObject({
      jurisdiction: 'DE',
      version: 'DE-1',
      effectiveFrom: '2026-01-01',
      eligible: true,
      reasons: [],
      checklist: { kind: 'ALL_OF', label: 'proof of legal succession' },
    });
    const labels = (response.body.checklist.children as { label: string; documentType?: string }[]).map(
      (c) => c.documentType ?? c.label,
    );
    expect(labels).toEqual([
      'DEATH_CERTIFICATE',
      'DECEASED_ID',
      'proof that you are the legal successor',
      'your identity, or your authority to act',
    ]);
  });

  it('shows an EU court order with its conditions', async () => {
    const response = await request(t.http)
      .get('/api/v1/checklists')
      .query({ country: 'nl', requestType: 'RELEASE_DATA' })
      .expect(200);
    expect(response.body.jurisdiction).toBe('EU');
    expect(response.body.checklist.kind).toBe('ONE_OF');
    const order = response.body.checklist.children[0] as { documentType: string; conditions: { code: string }[] };
    expect(order.documentType).toBe('COURT_ORDER');
    expect(order.conditions.map((c) => c.code)).toEqual([
      'NON_CRIMINAL',
      'ADDRESSED_TO_IRISH_ENTITY',
      'SERVED_NOT_BY_FAX_OR_EMAIL',
    ]);
  });

  it('tells someone who is not a close relative that China is closed to them', async () => {
    const response = await request(t.http)
      .get('/api/v1/checklists')
      .query({ country: 'CN', requestType: 'CLOSE_ACCOUNT', relationship: 'EXECUTOR' })
      .expect(200);
    expect(response.body).toMatchObject({
      jurisdiction: 'CN',
      eligible: false,
      reasons: [expect.stringMatching(/close relative/)],
    });
  });

  it.each([
    [{ country: 'XX', requestType: 'RELEASE_DATA' }, 'country'],
    [{ country: 'Germany', requestType: 'RELEASE_DATA' }, 'country'],
    [{ country: 'DE', requestType: 'DELETE_EVERYTHING' }, 'requestType'],
    [{ requestType: 'RELEASE_DATA' }, 'country'],
    [{ country: 'DE', requestType: 'RELEASE_DATA', relationship: 'FRIEND' }, 'relationship'],
    [{ country: 'DE', requestType: 'RELEASE_DATA', debug: '1' }, 'debug'],
  ])('answers %j with a 400 naming %s', async (query, field) => {
    const response = await request(t.http).get('/api/v1/checklists').query(query).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });
});

const submit = (overrides: Record<string, unknown> = {}) => family(t, overrides);

const upload = (c: Family, type: string) => c.upload(type, pdf(type), `${type.toLowerCase()}.pdf`).expect(201);

async function status(c: Family) {
  const response = await c.status().expect(200);
  return response.body as {
    state: string;
    history: { state: string }[];
    documents: { id: string; type: string; requiredHere: boolean }[];
    checklist: { allProvided: boolean; satisfied: boolean; missing: string[]; notRequiredDocumentIds: string[] };
  };
}

describe('a German request moves to review by itself', () => {
  it('after its four documents, and not after three', async () => {
    const c = await submit();
    expect((c.body.checklist as { missing: string[] }).missing).toHaveLength(4);
    for (const type of ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE']) await upload(c, type);
    const before = await status(c);
    expect(before.state).toBe('AWAITING_DOCUMENTS');
    expect(before.checklist.missing).toEqual([
      'one of: copy of your own ID card or passport; signed power of attorney',
    ]);

    await upload(c, 'REQUESTER_ID');
    const after = await status(c);
    expect(after.state).toBe('READY_FOR_REVIEW');
    expect(after.checklist).toMatchObject({ allProvided: true, satisfied: false, missing: [] });
    expect(after.history.map((h) => h.state)).toEqual(['AWAITING_DOCUMENTS', 'READY_FOR_REVIEW']);
  });

  it('when the four documents arrive at the same moment', async () => {
    const c = await submit();
    await Promise.all(
      ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE', 'REQUESTER_ID'].map((type) => upload(c, type)),
    );
    const now = await status(c);
    expect(now.state).toBe('READY_FOR_REVIEW');
    expect(now.history.map((h) => h.state)).toEqual(['AWAITING_DOCUMENTS', 'READY_FOR_REVIEW']);
  });

  it('with the list of heirs and their consent instead of a certificate', async () => {
    const c = await submit();
    for (const type of ['DEATH_CERTIFICATE', 'DECEASED_ID', 'HEIRS_LIST', 'POWER_OF_ATTORNEY']) await upload(c, type);
    expect((await status(c)).state).toBe('AWAITING_DOCUMENTS');
    await upload(c, 'HEIRS_CONSENT');
    expect((await status(c)).state).toBe('READY_FOR_REVIEW');
  });

  it('keeps a paper it does not ask for, marks it, and is not blocked by it', async () => {
    const c = await submit();
    await upload(c, 'MARRIAGE_CERTIFICATE');
    for (const type of ['DEATH_CERTIFICATE', 'DECEASED_ID', 'COURT_SOLE_HEIR_PROOF', 'REQUESTER_ID'])
      await upload(c, type);
    const now = await status(c);
    expect(now.state).toBe('READY_FOR_REVIEW');
    const extra = now.documents.find((d) => d.type === 'MARRIAGE_CERTIFICATE');
    expect(extra?.requiredHere).toBe(false);
    expect(now.checklist.notRequiredDocumentIds).toEqual([extra?.id]);
    expect(now.documents.filter((d) => d.requiredHere)).toHaveLength(4);
  });
});

describe('checklists that cannot be met', () => {
  it('a Chinese request by an executor stays waiting, and says why', async () => {
    const subject = { ...(validRequest().subject as object), countryOfResidence: 'CN' };
    const requester = { ...(validRequest().requester as object), relationship: 'EXECUTOR' };
    const c = await submit({ subject, requester });
    for (const type of ['DEATH_CERTIFICATE', 'HUKOU_REGISTRATION', 'REQUESTER_ID', 'SIGNED_DECLARATION'])
      await upload(c, type);
    const now = await status(c);
    expect(now.state).toBe('AWAITING_DOCUMENTS');
    expect(now.checklist.missing[0]).toMatch(/only a close relative/);
  });

  it('an EU court order sent by e-mail does not count; one sent by post does', async () => {
    const subject = { ...(validRequest().subject as object), countryOfResidence: 'IE' };
    const c = await submit({ subject });
    const send = (servedVia: string) =>
      c
        .post(`/api/v1/requests/${c.reference}/documents`)
        .field('type', 'COURT_ORDER')
        .field('servedVia', servedVia)
        .attach('file', pdf('order'), 'order.pdf')
        .expect(201);
    await send('EMAIL');
    expect((await status(c)).state).toBe('AWAITING_DOCUMENTS');
    await send('POST');
    expect((await status(c)).state).toBe('READY_FOR_REVIEW');
  });
});
