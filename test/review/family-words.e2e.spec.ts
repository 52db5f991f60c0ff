import { createHash } from 'node:crypto';
import { type People, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue #14, item 8: the family's words are kept (the appeal's statement), shown to reviewers
 * beside the decision they answer, and only their hash goes into the audit trail.
 */
let t: TestApp;
let cast: People;
const staff = (name: string): Staff => cast.staff[name];

beforeAll(async () => {
  t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: 1000 });
  cast = await people(t, { cast: { rita: 'reviewer', ben: 'reviewer' } });
});
afterAll(() => t.close());

interface Statement {
  kind: string;
  text: string;
  answers: { outcome: string | null; reasonCode: string | null; reason: string | null; decidedBy: string | null };
}
interface Detail {
  version: number;
  statements: Statement[];
}
const detail = async (reference: string): Promise<Detail> =>
  (await staff('rita').get(`/api/v1/cases/${reference}`).expect(200)).body as Detail;

describe("the family's words", () => {
  it('an appeal statement is on the case page beside the decision, and its hash in the audit trail', async () => {
    const family = await cast.familyWithDocuments();
    const { reference } = family;
    let current = await detail(reference);
    current = (
      await staff('rita')
        .post(`/api/v1/cases/${reference}/actions/start-review`)
        .send({ version: current.version })
        .expect(200)
    ).body as Detail;
    await staff('rita')
      .post(`/api/v1/cases/${reference}/actions/reject`)
      .send({ version: current.version, reasonCode: 'DOCUMENT_NOT_VALID', note: 'The ID has expired.' })
      .expect(200);

    const statement = 'The ID was valid on the day of death.\nPlease look at the date on page 2.';
    await family
      .post(`/api/v1/requests/${reference}/appeal`)
      .send({ statement: 'x'.repeat(4001) })
      .expect(400);
    await family.post(`/api/v1/requests/${reference}/appeal`).send({ statement }).expect(200);

    const page = await detail(reference);
    expect(page.statements).toEqual([
      {
        kind: 'APPEAL',
        text: statement,
        at: expect.any(String) as string,
        answers: expect.objectContaining({
          state: 'REJECTED',
          outcome: 'REJECTED',
          reasonCode: 'DOCUMENT_NOT_VALID',
          reason: 'The ID has expired.',
          decidedBy: cast.staff.rita.id,
        }) as object,
      },
    ]);

    const trail = JSON.stringify((await staff('ben').get(`/api/v1/cases/${reference}/audit`).expect(200)).body);
    expect(trail).toContain(createHash('sha256').update(statement, 'utf8').digest('hex'));
    expect(trail).not.toContain('valid on the day of death');
  });
});
