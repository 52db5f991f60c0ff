import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { family, people, type Staff } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Answer {
  status: number;
  retryAfter?: string;
  body: string;
}

/** The burst the issue asks for: this many reads at once, over real sockets. */
const BURST = 1000;

describe('under load', () => {
  let t: TestApp;
  let reviewer: Staff;
  let agent: Agent;
  let base: string;
  beforeAll(async () => {
    // A pool far smaller than the burst and a short wait: most reads cannot get a connection in time.
    t = await createTestApp({ DATABASE_POOL_SIZE: 2, DATABASE_CONNECTION_WAIT_MS: 200 });
    ({ reviewer } = await people(t));
    await family(t); // something for the queue to list
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    agent = new Agent({ keepAlive: true, maxSockets: BURST });
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  const read = (path: string, token?: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers = token ? { authorization: `Bearer ${token}` } : {};
      get(`${base}${path}`, { agent, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body }),
        );
      }).on('error', reject);
    });

  it('answers a burst of 1,000 concurrent reads with 200 or 503 + Retry-After, never 500, and health stays up', async () => {
    const started = Date.now();
    // Long queries hold every pooled connection for the first second of the burst, as slow work does
    // in production: the reads that arrive meanwhile cannot get one within the wait.
    const hogs = Array.from({ length: t.config.DATABASE_POOL_SIZE }, () => t.dataSource.query('SELECT pg_sleep(1)'));
    const reads = Array.from({ length: BURST }, () => read('/api/v1/cases', reviewer.token));
    // Health asked while the pool is exhausted: it must not call the database down.
    const health: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health.push(await read('/api/health'));
    }
    const answers = await Promise.all(reads);
    await Promise.all(hogs);
    const seconds = (Date.now() - started) / 1000;

    const byStatus = new Map<number, number>();
    for (const { status } of answers) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    process.stdout.write(
      `load: ${BURST} reads in ${seconds.toFixed(1)} s: ${[...byStatus].map(([status, n]) => `${n}× ${status}`).join(', ')}\n`,
    );
    expect(answers.filter((answer) => answer.status >= 500 && answer.status !== 503)).toEqual([]);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.length).toBeGreaterThan(0); // the pool really ran dry: otherwise this proves nothing
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 503, code: 'SERVICE_BUSY' });
    }
    expect(byStatus.get(200)).toBeGreaterThan(0);
    for (const answer of health) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ info: { database: { status: 'up' } } });
    }
  });

  it('documents 503 with Retry-After on every operation', async () => {
    const document = JSON.parse((await read('/api/docs-json')).body) as {
      paths: Record<
        string,
        Record<string, { responses: Partial<Record<string, { headers?: Record<string, unknown> }>> }>
      >;
    };
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(operation.responses['503']?.headers).toHaveProperty('Retry-After');
      }
    }
  });
});
