import { pdf } from '../support/fixtures.js';
import { type People, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue #14, 11: a file keeps no name its bytes contradict, and its content runs nothing in a browser. */
let t: TestApp;
let cast: People;
beforeAll(async () => {
  t = await createTestApp();
  cast = await people(t);
});
afterAll(() => t.close());

/** A PDF (its first bytes say so) whose tail is an HTML page with a script: what a browser could sniff as HTML. */
const polyglot = () =>
  Buffer.concat([pdf('INVOICE'), Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n')]);

interface CaseDocument {
  id: string;
  fileName: string;
}

describe('a PDF/HTML polyglot uploaded as invoice.html', () => {
  it('is stored and served as invoice.pdf, sandboxed, unsniffed and uncached', async () => {
    const family = await cast.family();
    const uploaded = await family.upload('DEATH_CERTIFICATE', polyglot(), 'invoice.html').expect(201);
    expect(JSON.stringify(uploaded.body)).not.toContain('invoice.html');

    const page = await cast.reviewer.get(`/api/v1/cases/${family.reference}`).expect(200);
    const documents = (page.body as { documents: CaseDocument[] }).documents;
    expect(documents.map((document) => document.fileName)).toEqual(['invoice.pdf']);

    const content = await cast.reviewer
      .get(`/api/v1/cases/${family.reference}/documents/${documents[0].id}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe("inline; filename*=UTF-8''invoice.pdf");
    expect(content.headers['content-security-policy']).toMatch(/^sandbox(;|$)/);
    expect(content.headers['content-security-policy']).toContain("default-src 'none'");
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['cache-control']).toBe('no-store');
  });
});

describe('answers that carry personal data', () => {
  it('are never stored by a cache: the case page and the family status', async () => {
    const family = await cast.family();
    const page = await cast.reviewer.get(`/api/v1/cases/${family.reference}`).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const status = await family.status().expect(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.headers['x-content-type-options']).toBe('nosniff');
  });
});
