import { pdf } from '../support/fixtures.js';
import { type Family, type People, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
/** Two reviewers and two legal users: four eyes, and someone else for the appeal. */
let cast: People;
let rita: Staff;
let ben: Staff;
const staff = (name: string) => cast.staff[name];

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 });
  cast = await people(t, { cast: { rita: 'reviewer', ben: 'reviewer', lea: 'legal', lou: 'legal' } });
  ({ rita, ben } = cast.staff);
});
afterAll(() => t.close());

const germanCase = (): Promise<Family> => cast.familyWithDocuments();

interface Detail {
  version: number;
  state: string;
  documents: { id: string }[];
  decision: unknown;
}
const detail = async (reference: string, name = 'rita'): Promise<Detail> =>
  (await staff(name).get(`/api/v1/cases/${reference}`).expect(200)).body as Detail;
const act = (reference: string, action: string, name: string, body: object) =>
  staff(name).post(`/api/v1/cases/${reference}/actions/${action}`).send(body);
const verify = (reference: string, id: string, name: string, body: object) =>
  staff(name).post(`/api/v1/cases/${reference}/documents/${id}/verification`).send(body);

describe('a German release, from review to decision', () => {
  it('is verified, approved twice by different people, and the family sees the decision', async () => {
    const requester = await germanCase();
    const { reference } = requester;
    let current = await detail(reference);
    expect(current.state).toBe('READY_FOR_REVIEW');

    current = (await act(reference, 'start-review', 'rita', { version: current.version }).expect(200)).body as Detail;
    expect(current.state).toBe('IN_REVIEW');

    const early = await act(reference, 'approve', 'rita', { version: current.version }).expect(422);
    expect(early.body).toMatchObject({ code: 'CHECKLIST_NOT_SATISFIED' });

    for (const document of current.documents)
      current = (await verify(reference, document.id, 'rita', { result: 'ACCEPTED' }).expect(200)).body as Detail;
    current = (
      await act(reference, 'approve', 'rita', { version: current.version, note: 'Erbschein checked.' }).expect(200)
    ).body as Detail;
    expect(current.state).toBe('AWAITING_SECOND_APPROVAL');

    expect((await act(reference, 'approve', 'ben', { version: current.version }).expect(403)).body.code).toBe(
      'SECOND_APPROVAL_NEEDS_LEGAL',
    );
    current = (
      await act(reference, 'approve', 'lea', { version: current.version, note: 'Release approved.' }).expect(200)
    ).body as Detail;
    expect(current).toMatchObject({
      state: 'APPROVED',
      decision: { outcome: 'APPROVED', reason: 'Release approved.' },
    });

    const family = await requester.status().expect(200);
    expect(family.body).toMatchObject({
      state: 'APPROVED',
      decision: { outcome: 'APPROVED' },
      checklist: { satisfied: true },
    });
  });

  it('does not let the first approver give the second approval', async () => {
    const { reference } = await germanCase();
    let current = await detail(reference, 'lea');
    current = (await act(reference, 'start-review', 'lea', { version: current.version }).expect(200)).body as Detail;
    for (const document of current.documents)
      current = (await verify(reference, document.id, 'lea', { result: 'ACCEPTED' }).expect(200)).body as Detail;
    current = (await act(reference, 'approve', 'lea', { version: current.version }).expect(200)).body as Detail;
    expect((await act(reference, 'approve', 'lea', { version: current.version }).expect(422)).body.code).toBe(
      'SECOND_APPROVAL_BY_SAME_PERSON',
    );
    await act(reference, 'approve', 'lou', { version: current.version }).expect(200);
  });
});

describe('what the back office offers each user', () => {
  type Offer = { action: string; allowed: boolean; refusalCode: string | null };
  const offers = async (reference: string, as: string): Promise<string[]> =>
    ((await staff(as).get(`/api/v1/cases/${reference}`).expect(200)).body as { actions: Offer[] }).actions.map(
      (offer) => (offer.allowed ? offer.action : `${offer.action}: ${offer.refusalCode ?? ''}`),
    );

  it('lists the actions of this user in this state, and shows the four-eyes step as held back', async () => {
    const { reference } = await germanCase();
    expect(await offers(reference, 'rita')).toEqual(['assign', 'start-review']);
    let current = await detail(reference);
    current = (await act(reference, 'start-review', 'rita', { version: current.version }).expect(200)).body as Detail;
    expect(await offers(reference, 'rita')).toEqual([
      'assign',
      'request-info',
      'approve: CHECKLIST_NOT_SATISFIED',
      'reject',
    ]);
    for (const document of current.documents)
      current = (await verify(reference, document.id, 'rita', { result: 'ACCEPTED' }).expect(200)).body as Detail;
    const approved = (await act(reference, 'approve', 'rita', { version: current.version }).expect(200)).body as {
      firstApproverId: string;
      actions: Offer[];
    };
    expect(approved.actions.find((offer) => offer.action === 'approve')).toMatchObject({
      allowed: false,
      refusalCode: 'SECOND_APPROVAL_NEEDS_LEGAL',
    });
    expect(await offers(reference, 'lea')).toEqual(['assign', 'approve', 'reject']);
    const me = (await rita.get('/api/v1/auth/me').expect(200)).body as { id: string };
    expect(approved.firstApproverId).toBe(me.id);
  });

  it('offers nothing to an API key, which cannot act', async () => {
    const { reference } = await germanCase();
    const key = await cast.apiKey(['cases:read'], { name: 'crm' });
    const body = (await key.get(`/api/v1/cases/${reference}`).expect(200)).body as { actions: Offer[] };
    expect(body.actions).toEqual([]);
  });

  it('names the colleagues, without secrets', async () => {
    const users = (await ben.get('/api/v1/users').expect(200)).body as Record<string, unknown>[];
    expect(users.map((user) => `${String(user.email)} ${String(user.role)}`)).toEqual([
      'ben@example.org reviewer',
      'lea@example.org legal',
      'lou@example.org legal',
      'rita@example.org reviewer',
    ]);
    expect(Object.keys(users[0]).sort()).toEqual(['active', 'email', 'id', 'role']);
  });
});

describe('refusals name their rule', () => {
  it('a stale version is 409, and a rejection needs a coded reason and words', async () => {
    const { reference } = await germanCase();
    const current = await detail(reference);
    const started = (await act(reference, 'start-review', 'rita', { version: current.version }).expect(200))
      .body as Detail;
    expect((await act(reference, 'assign', 'rita', { version: current.version }).expect(409)).body.code).toBe(
      'STALE_VERSION',
    );
    expect(
      (await act(reference, 'reject', 'rita', { version: started.version, note: 'No.' }).expect(422)).body.code,
    ).toBe('UNKNOWN_REASON_CODE');
    expect(
      (await act(reference, 'reject', 'rita', { version: started.version, reasonCode: 'NOT_ENTITLED' }).expect(422))
        .body.code,
    ).toBe('REASON_REQUIRED');
    expect((await act(reference, 'fulfil', 'rita', { version: started.version }).expect(409)).body.code).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
    await act(reference, 'teleport', 'rita', { version: started.version }).expect(400);
    const rejected = await act(reference, 'reject', 'rita', {
      version: started.version,
      reasonCode: 'NOT_ENTITLED',
      note: 'The certificate names another heir.',
    }).expect(200);
    expect(rejected.body).toMatchObject({
      state: 'REJECTED',
      decision: { outcome: 'REJECTED', reasonCode: 'NOT_ENTITLED', reason: 'The certificate names another heir.' },
    });
  });

  it('a rejected document sends the case back to the family, with the reason', async () => {
    const requester = await germanCase();
    const { reference } = requester;
    const current = await detail(reference);
    await verify(reference, current.documents[0].id, 'rita', { result: 'REJECTED' }).expect(422);
    const after = (
      await verify(reference, current.documents[0].id, 'rita', {
        result: 'REJECTED',
        reason: 'The scan is unreadable.',
      }).expect(200)
    ).body as Detail;
    expect(after.state).toBe('AWAITING_DOCUMENTS');
    const family = await requester.status().expect(200);
    expect(family.body.documents[0]).toMatchObject({
      verification: 'REJECTED',
      rejectionReason: 'The scan is unreadable.',
    });
    expect(family.body.checklist.missing[0]).toMatch(/The scan is unreadable/);
  });
});

describe('concurrency', () => {
  it('50 conflicting actions on one case: one succeeds, the rest get 409, one audit entry', async () => {
    const { reference } = await germanCase();
    const { version } = await detail(reference);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => act(reference, 'assign', 'rita', { version })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      "SELECT count(*)::int AS n FROM audit_entries a JOIN cases c ON c.id = a.case_id WHERE c.reference = $1 AND a.action = 'case.assigned'",
      [reference],
    );
    expect(n).toBe(1);
  });
});

describe('the queue', () => {
  it('filters by state and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await germanCase();
    const all = await rita.get('/api/v1/cases').query({ state: 'READY_FOR_REVIEW', limit: 2 }).expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0]).toMatchObject({ state: 'READY_FOR_REVIEW', sla: { firstReview: { status: 'RUNNING' } } });
    const seen = new Set<string>((all.body.items as { reference: string }[]).map((i) => i.reference));
    let cursor = all.body.nextCursor as string | null;
    while (cursor) {
      const next = await rita.get('/api/v1/cases').query({ state: 'READY_FOR_REVIEW', limit: 2, cursor }).expect(200);
      for (const item of next.body.items as { reference: string; state: string }[]) {
        expect(seen.has(item.reference)).toBe(false);
        expect(item.state).toBe('READY_FOR_REVIEW');
        seen.add(item.reference);
      }
      cursor = next.body.nextCursor as string | null;
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    await rita.get('/api/v1/cases').query({ cursor: 'garbage' }).expect(400);
    await rita.get('/api/v1/cases').query({ state: 'DONE' }).expect(400);
  });
});

describe('reading a document', () => {
  it('streams the original bytes, and audits the read', async () => {
    const { reference } = await germanCase();
    const { documents } = await detail(reference);
    const response = await rita
      .get(`/api/v1/cases/${reference}/documents/${documents[0].id}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).equals(pdf('DEATH_CERTIFICATE'))).toBe(true);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'document.read' AND details->>'documentId' = $1",
      [documents[0].id],
    );
    expect(n).toBe(1);

    // The read is on the case's own trail, which reviewers read oldest first (api.md).
    const trail = await ben.get(`/api/v1/cases/${reference}/audit`).expect(200);
    const entries = (trail.body as { entries: { seq: number; action: string; actorId: string | null }[] }).entries;
    expect(entries.at(0)?.action).toBe('case.created');
    expect(entries.at(-1)).toMatchObject({ action: 'document.read' });
    expect(entries.map((entry) => entry.seq)).toEqual([...entries.map((entry) => entry.seq)].sort((a, b) => a - b));
    await ben.get('/api/v1/cases/NOK-2026-999999/audit').expect(404);
  });
});

describe('appeals', () => {
  it('go to someone who did not decide', async () => {
    const requester = await germanCase();
    const { reference } = requester;
    let current = await detail(reference);
    const appeal = (statement: string) => requester.post(`/api/v1/requests/${reference}/appeal`).send({ statement });
    expect((await appeal('Too early.').expect(409)).body.code).toBe('NOT_ALLOWED_IN_STATE');

    current = (await act(reference, 'start-review', 'rita', { version: current.version }).expect(200)).body as Detail;
    await act(reference, 'reject', 'rita', {
      version: current.version,
      reasonCode: 'DOCUMENT_NOT_VALID',
      note: 'The ID has expired.',
    }).expect(200);
    await appeal('').expect(400);
    const appealed = await appeal('The ID was valid on the day of death.').expect(200);
    expect(appealed.body).toMatchObject({ state: 'APPEALED' });

    current = await detail(reference);
    expect((await act(reference, 'reopen-on-appeal', 'rita', { version: current.version }).expect(422)).body.code).toBe(
      'APPEAL_NEEDS_ANOTHER_REVIEWER',
    );
    const reopened = await act(reference, 'reopen-on-appeal', 'ben', { version: current.version }).expect(200);
    expect(reopened.body).toMatchObject({ state: 'IN_REVIEW', assigneeId: expect.any(String) });
  });
});

describe('notes, linked cases and a corrected jurisdiction', () => {
  it('keeps internal notes, shows the other cases on the account, and re-judges a case moved to the EU', async () => {
    const requester = await germanCase();
    const { reference } = requester;
    const sibling = await germanCase();
    let current = await detail(reference);
    expect(current.state).toBe('READY_FOR_REVIEW');

    const noted = await rita.post(`/api/v1/cases/${reference}/notes`).send({ body: 'Called the family.' }).expect(201);
    expect(noted.body.notes).toEqual([expect.objectContaining({ body: 'Called the family.' })]);
    expect((noted.body.linkedCases as { reference: string }[]).map((l) => l.reference)).toContain(sibling.reference);

    current = await detail(reference);
    const moved = await rita
      .post(`/api/v1/cases/${reference}/jurisdiction`)
      .send({ version: current.version, jurisdiction: 'EU', reason: 'She lived in Austria.' })
      .expect(200);
    // The EU asks for a served court order, which this case does not have.
    expect(moved.body).toMatchObject({
      jurisdiction: 'EU',
      state: 'AWAITING_DOCUMENTS',
      checklist: { version: 'EU-1' },
    });
    expect((moved.body.notes as { body: string }[]).at(-1)?.body).toBe(
      'Jurisdiction changed from DE to EU: She lived in Austria.',
    );
    const family = await requester.status().expect(200);
    expect(family.body).toMatchObject({ jurisdiction: 'EU', state: 'AWAITING_DOCUMENTS' });
    expect(JSON.stringify(family.body)).not.toContain('Called the family');
  });

  it('shows the family what was asked for, and when we promised to act', async () => {
    const requester = await germanCase();
    const { reference } = requester;
    let current = await detail(reference);
    current = (await act(reference, 'start-review', 'rita', { version: current.version }).expect(200)).body as Detail;
    await act(reference, 'request-info', 'rita', {
      version: current.version,
      note: 'Please send a sharper copy of your ID.',
    }).expect(200);
    const family = await requester.status().expect(200);
    expect(family.body).toMatchObject({
      state: 'NEEDS_INFO',
      notice: { note: 'Please send a sharper copy of your ID.', items: expect.any(Array) },
      sla: { firstReview: { status: 'MET' }, decision: { status: 'PAUSED' } },
    });
  });
});
