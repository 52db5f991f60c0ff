import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';

/** Arbitrary but fixed: every instance takes this advisory lock, so only one migrates at a time. */
const MIGRATION_LOCK_ID = 7_340_012;

/** Brings the schema up to date. Safe to run from several instances at once. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  // Advisory locks belong to a session: hold one connection for lock and unlock.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
