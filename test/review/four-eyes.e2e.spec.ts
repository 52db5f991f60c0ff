import { type Family, type People, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue #14, item 2: every approval, first or second, needs a satisfied checklist at that moment;
 * any change to the documents after the first approval withdraws it, and the family and the first
 * approver see why.
 */
let t: TestApp;
let cast: People;
const staff = (name: string): Staff => cast.staff[name];

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 });
  cast = await people(t, { cast: { rita: 'reviewer', ben: 'reviewer', lea: 'legal' } });
});
afterAll(() => t.close());

interface Detail {
  version: number;
  state: string;
  assigneeId: string | null;
  firstApproverId: string | null;
  documents: { id: string }[];
  history: { state: string; note: string | null }[];
}
const detail = async (reference: string, name = 'rita'): Promise<Detail> =>
  (await staff(name).get(`/api/v1/cases/${reference}`).expect(200)).body as Detail;
const act = (reference: string, action: string, name: string, body: object) =>
  staff(name).post(`/api/v1/cases/${reference}/actions/${action}`).send(body);
const verify = (reference: string, id: string, name: string, body: object) =>
  staff(name).post(`/api/v1/cases/${reference}/documents/${id}/verification`).send(body);

async function firstApproved(): Promise<{ family: Family; current: Detail }> {
  const family = await cast.familyWithDocuments();
  const { reference } = family;
  let current = await detail(reference);
  current = (await act(reference, 'start-review', 'rita', { version: current.version }).expect(200)).body as Detail;
  for (const document of current.documents)
    current = (await verify(reference, document.id, 'rita', { result: 'ACCEPTED' }).expect(200)).body as Detail;
  current = (await act(reference, 'approve', 'rita', { version: current.version }).expect(200)).body as Detail;
  expect(current.state).toBe('AWAITING_SECOND_APPROVAL');
  return { family, current };
}

describe('four eyes re-check the rules', () => {
  it('a document rejected after the first approval withdraws it: the second approval is refused', async () => {
    const { family, current: approved } = await firstApproved();
    const { reference } = family;
    const [document] = approved.documents;
    let current = (
      await verify(reference, document.id, 'ben', { result: 'REJECTED', reason: 'The seal is forged.' }).expect(200)
    ).body as Detail;
    expect(current).toMatchObject({ state: 'IN_REVIEW', firstApproverId: null });

    const second = await act(reference, 'approve', 'lea', { version: current.version });
    expect([409, 422]).toContain(second.status);
    expect(second.body).toMatchObject({ code: 'CHECKLIST_NOT_SATISFIED' });

    // The first approver sees why, on the case page, and has the case again.
    current = await detail(reference);
    expect(current.state).toBe('IN_REVIEW');
    expect(current.assigneeId).toBe(cast.staff.rita.id);
    const withdrawn = current.history.at(-1);
    expect(withdrawn).toMatchObject({ state: 'IN_REVIEW' });
    expect(withdrawn?.note).toContain('first approval was withdrawn');
    expect(withdrawn?.note).toContain('The seal is forged.');

    // So does the family.
    const status = (await family.status().expect(200)).body as { state: string; history: Detail['history'] };
    expect(status.state).toBe('IN_REVIEW');
    expect(status.history.at(-1)?.note).toContain('first approval was withdrawn');

    // And the audit trail records it.
    const trail = (await staff('lea').get(`/api/v1/cases/${reference}/audit`).expect(200)).body as unknown;
    expect(JSON.stringify(trail)).toContain('case.approval_withdrawn');
  });

  it('a document accepted again after the first approval still withdraws it', async () => {
    const { family, current: approved } = await firstApproved();
    const [document] = approved.documents;
    const current = (await verify(family.reference, document.id, 'ben', { result: 'ACCEPTED' }).expect(200))
      .body as Detail;
    expect(current.state).toBe('IN_REVIEW');
    expect(
      (await act(family.reference, 'approve', 'lea', { version: current.version }).expect(200)).body,
    ).toMatchObject({ state: 'AWAITING_SECOND_APPROVAL' });
  });
});
