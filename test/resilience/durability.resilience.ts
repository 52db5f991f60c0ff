import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@app/database';
import { DocumentEntity, DocumentsService, OrphanSweepService } from '@app/documents';
import { pdf, validRequest } from '../support/fixtures.js';
import { MovingClock } from '../support/moving-clock.js';
import { createTestApp } from '../support/test-app.js';

/**
 * Nothing acknowledged is lost (issue #8): the built server as its own process on its own
 * PostgreSQL, under load, killed with -9 during uploads, and with PostgreSQL stopped at once and
 * restarted under it. Afterwards every acknowledged document has its row and its stored file and
 * decrypts to its recorded SHA-256; no row points to a missing file; the orphan sweep leaves no file
 * without a row. Sizes are for CI; LOAD_REQUESTS=10000 is the full load (see the README).
 */
const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'apps', 'server', 'src', 'main.js');
const LOAD_REQUESTS = Number(process.env.LOAD_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 64);

interface Ack {
  id: string;
  sha256: string;
}
interface Family {
  reference: string;
  accessToken: string;
}

let root: string;
let database: EmbeddedDatabase;
let databaseUrl: string;
let postgresPort: number;
const masterKey = randomBytes(32).toString('base64');
const serverPort = 41_000 + Math.floor(Math.random() * 8_000);
const origin = `http://127.0.0.1:${String(serverPort)}`;
let server: ChildProcess | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nok-durability-'));
  await chmod(root, 0o755); // the embedded PostgreSQL runs as its own user
  postgresPort = 50_000 + Math.floor(Math.random() * 5_000);
  database = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: postgresPort });
  databaseUrl = database.url;
  await startServer();
});
afterAll(async () => {
  server?.kill('SIGKILL');
  await database.stop();
  await rm(root, { recursive: true, force: true });
});

async function startServer(): Promise<void> {
  server = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(serverPort),
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: join(root, 'uploads'),
      DATA_DIR: join(root, 'data'),
      DOCUMENT_MASTER_KEY: masterKey,
      LOG_LEVEL: 'error',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      REQUIRE_EMAIL_VERIFICATION: 'false',
      MAX_DOCUMENTS_PER_CASE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(async () => (await health()) === 200, 60_000, 'the server to become healthy');
}

async function health(): Promise<number> {
  try {
    return (await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return 0;
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openCase(): Promise<Family> {
  const response = await fetch(`${origin}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest()),
  });
  if (response.status !== 201) throw new Error(`intake answered ${String(response.status)}`);
  return (await response.json()) as Family;
}

/** One upload; the acknowledgement (201 with its id and hash), or why there was none. */
async function upload(family: Family, bytes: Buffer): Promise<Ack | { refused: string }> {
  try {
    const form = new FormData();
    form.set('type', 'DEATH_CERTIFICATE');
    form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'scan.pdf');
    const response = await fetch(`${origin}/api/v1/requests/${family.reference}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${family.accessToken}` },
      body: form,
    });
    if (response.status !== 201) return { refused: String(response.status) };
    const ack = (await response.json()) as Ack;
    // What the server acknowledges is what was sent.
    expect(ack.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    return ack;
  } catch (error) {
    return { refused: error instanceof Error ? error.message : 'network' };
  }
}

/** Runs `total` tasks, `concurrency` at a time. */
async function pool<T>(total: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

const isAck = (result: Ack | { refused: string }): result is Ack => 'id' in result;
const scan = (index: number) => pdf(`document ${String(index)} ${randomBytes(8).toString('hex')}`, 20_000 + index * 7);

/** What the storage and the database hold, checked from outside the server, then swept. */
async function inspect(acks: Ack[]): Promise<{ rows: number; orphansSwept: number }> {
  const inspector = await createTestApp(
    {},
    { attach: { databaseUrl, root, masterKey }, clock: new MovingClock(new Date(Date.now() + 3 * 3_600_000)) },
  );
  try {
    const documents = await inspector.dataSource.getRepository(DocumentEntity).find();
    const byId = new Map(documents.map((document) => [document.id, document]));
    for (const ack of acks) expect(byId.get(ack.id)?.sha256).toBe(ack.sha256);
    const service = inspector.app.get(DocumentsService);
    for (const document of documents) {
      const hash = createHash('sha256');
      for await (const chunk of service.openContent(document)) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(document.sha256); // no row points to a missing or damaged file
    }
    const swept = await inspector.app.get(OrphanSweepService).sweep();
    const stored = (await inspector.storedFiles()).filter((file) => !file.startsWith('staging/'));
    expect(stored.map((file) => file.split('/').pop()).sort()).toEqual(
      documents.map((document) => document.storageKey).sort(),
    );
    expect((await inspector.storedFiles()).filter((file) => file.startsWith('staging/'))).toEqual([]);
    return { rows: documents.length, orphansSwept: swept.stagingRemoved + swept.objectsRemoved };
  } finally {
    await inspector.close();
  }
}

describe('nothing acknowledged is lost', () => {
  it(`takes ${String(LOAD_REQUESTS)} requests with a document each at concurrency ${String(CONCURRENCY)}: no error, nothing lost`, async () => {
    const started = performance.now();
    const results = await pool(LOAD_REQUESTS, CONCURRENCY, async (index) => upload(await openCase(), scan(index)));
    const seconds = (performance.now() - started) / 1000;
    const refused = results.filter((result) => !isAck(result));
    expect(refused).toEqual([]);
    const figures = await inspect(results.filter(isAck));
    console.log(
      `load: ${String(LOAD_REQUESTS)} requests with a document at concurrency ${String(CONCURRENCY)} in ${seconds.toFixed(1)} s ` +
        `(${(LOAD_REQUESTS / seconds).toFixed(1)} requests/s), 0 errors, ${String(figures.rows)} rows verified`,
    );
  });

  it('survives kill -9 during uploads: every acknowledged document is whole, no orphan after the sweep', async () => {
    const families = await pool(8, 8, () => openCase());
    let acknowledged = 0;
    const running = pool(400, 16, async (index) => {
      const result = await upload(families[index % families.length], scan(index));
      if (isAck(result)) acknowledged++;
      return result;
    });
    await waitFor(() => Promise.resolve(acknowledged >= 40), 60_000, '40 acknowledged uploads');
    server?.kill('SIGKILL');
    const results = await running;
    const acks = results.filter(isAck);
    expect(acks.length).toBeGreaterThanOrEqual(40);
    expect(acks.length).toBeLessThan(400); // the kill did land in the middle
    await startServer();
    const figures = await inspect(acks);
    console.log(
      `kill -9: ${String(acks.length)} of 400 uploads acknowledged before the kill, all whole; ` +
        `${String(figures.rows)} rows verified; ${String(figures.orphansSwept)} half-written files swept`,
    );
  });

  it('rides out PostgreSQL stopped at once and restarted: health goes red, then green, with no server restart', async () => {
    const families = await pool(8, 8, () => openCase());
    const pid = server?.pid;
    const healths: number[] = [];
    let watching = true;
    const watcher = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- flipped by the test below
      while (watching) {
        healths.push(await health());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const running = pool(300, 8, async (index) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return upload(families[index % families.length], scan(index));
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await stopPostgresImmediately();
    await waitFor(() => Promise.resolve(healths.includes(503)), 30_000, 'health to go red');
    database = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: postgresPort });
    await waitFor(async () => (await health()) === 200, 60_000, 'health to go green again');
    const results = await running;
    watching = false;
    await watcher;
    expect(server?.pid).toBe(pid);
    expect(server?.exitCode).toBeNull();
    const acks = results.filter(isAck);
    const refused = results.length - acks.length;
    // After the outage the server takes uploads again by itself.
    const after = await upload(families[0], scan(9_999));
    expect(isAck(after)).toBe(true);
    const figures = await inspect([...acks, ...(isAck(after) ? [after] : [])]);
    const red = healths.filter((status) => status !== 200).length;
    console.log(
      `PostgreSQL restart: ${String(acks.length)} of 300 uploads acknowledged, ${String(refused)} refused during the outage; ` +
        `health red for ${String(red)} polls (100 ms apart), then green; ${String(figures.rows)} rows verified`,
    );
  });
});

/** An immediate shutdown (SIGQUIT to the postmaster): no checkpoint, as a crash would leave it. */
async function stopPostgresImmediately(): Promise<void> {
  const pidFile = join(root, 'pg', 'postgres', 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.kill(pid, 'SIGQUIT');
  await waitFor(() => Promise.resolve(!alive()), 30_000, 'PostgreSQL to stop');
}
