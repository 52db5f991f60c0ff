import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  let dataDir: string;
  const port = 50000 + Math.floor(Math.random() * 4000);
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nok-embedded-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts, is joined by a second process, and keeps its data across restarts', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');

    // A second process (the CLI, another server) joins the running cluster instead of starting one.
    const joined = await startEmbeddedPostgres({ dataDir, port: port + 1 });
    expect(joined.url).toBe(first.url);
    await joined.stop(); // no-op: it did not start the cluster
    expect(await query(first.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);

    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('explains a port that is taken', async () => {
    const blocker = await startEmbeddedPostgres({ dataDir, port });
    const otherDir = await mkdtemp(join(tmpdir(), 'nok-embedded-other-'));
    await chmod(otherDir, 0o755);
    try {
      await expect(startEmbeddedPostgres({ dataDir: otherDir, port })).rejects.toThrow(/EMBEDDED_POSTGRES_PORT/);
    } finally {
      await blocker.stop();
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
