import { chmod, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
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

/** inet_server_addr() is NULL on a Unix-socket connection. */
const HOW = "SELECT current_setting('listen_addresses') AS listen, inet_server_addr() AS address";

/** The TCP ports the cluster's postmaster listens on, from /proc (its socket inodes in LISTEN state). */
async function tcpPortsOf(dataDir: string): Promise<number[]> {
  const pid = (await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0];
  const links = await Promise.all(
    (await readdir(`/proc/${pid}/fd`)).map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
  );
  const inodes = new Set(links.map((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1]).filter(Boolean));
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (await readFile(table, 'utf8')).trim().split('\n').slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/); // local is ADDR:PORT in hex
      if (state === '0A' /* LISTEN */ && inodes.has(inode)) ports.push(parseInt(local.split(':')[1], 16));
    }
  }
  return ports;
}

describe('the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'nok-embedded-'));
    await chmod(dir, 0o755); // as root, the postgres user must reach it
    dirs.push(dir);
    return dir;
  }
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('listens on a Unix socket in its own folder only, so two run side by side', async () => {
    const [a, b] = [await dataDir(), await dataDir()];
    const clusters = await Promise.all([startEmbeddedPostgres({ dataDir: a }), startEmbeddedPostgres({ dataDir: b })]);
    try {
      expect(clusters.map((cluster) => new URL(cluster.url).searchParams.get('host'))).toEqual([
        join(a, 'postgres'),
        join(b, 'postgres'),
      ]);
      for (const cluster of clusters) {
        expect(await query(cluster.url, HOW)).toEqual([{ listen: '', address: null }]);
      }
      expect(await tcpPortsOf(a)).toEqual([]);
      expect(await tcpPortsOf(b)).toEqual([]);
    } finally {
      await Promise.all(clusters.map((cluster) => cluster.stop()));
    }
  });

  it('is reached through its socket by TypeORM and pg-boss', async () => {
    const cluster = await startEmbeddedPostgres({ dataDir: await dataDir() });
    const dataSource = new DataSource({ type: 'postgres', url: cluster.url });
    const boss = new PgBoss({ connectionString: cluster.url, supervise: false, schedule: false });
    try {
      await dataSource.initialize();
      expect(await dataSource.query(HOW)).toEqual([{ listen: '', address: null }]);
      await boss.start();
      await boss.createQueue('probe');
      expect(await boss.send('probe', {})).toEqual(expect.any(String));
    } finally {
      await boss.stop({ graceful: false });
      if (dataSource.isInitialized) await dataSource.destroy();
      await cluster.stop();
    }
  });

  it('is joined by a second process, and keeps its data across restarts', async () => {
    const dir = await dataDir();
    const first = await startEmbeddedPostgres({ dataDir: dir });
    await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');

    // A second process (the CLI, another server) joins the running cluster instead of starting one.
    const joined = await startEmbeddedPostgres({ dataDir: dir });
    expect(joined.url).toBe(first.url);
    await joined.stop(); // no-op: it did not start the cluster
    expect(await query(first.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);

    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir: dir });
    try {
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('listens on a TCP port too when asked, and says why it cannot when the port is taken', async () => {
    const port = 50000 + Math.floor(Math.random() * 4000);
    const dir = await dataDir();
    const blocker = await startEmbeddedPostgres({ dataDir: dir, port });
    try {
      expect(await tcpPortsOf(dir)).toContain(port);
      const overTcp = new URL(blocker.url);
      overTcp.search = '';
      expect(await query(overTcp.toString(), HOW)).toEqual([{ listen: 'localhost', address: expect.any(String) }]);

      const other = startEmbeddedPostgres({ dataDir: await dataDir(), port });
      await expect(other).rejects.toThrow(/EMBEDDED_POSTGRES_PORT/);
      await expect(other).rejects.toThrow(/already in use/);
    } finally {
      await blocker.stop();
    }
  });
});
