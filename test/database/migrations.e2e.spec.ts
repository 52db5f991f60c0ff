import { DataSource } from 'typeorm';
import { MIGRATIONS, runMigrations } from '@app/database';
import { createTestDatabase } from '../support/test-database.js';

// Every migration is reversible: all the way down leaves an empty schema, and up again rebuilds it.
describe('migrations', () => {
  it('go down one by one to an empty schema, and up again', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MIGRATIONS });
    await dataSource.initialize();
    const tables = async (): Promise<string[]> =>
      (
        await dataSource.query<{ table_name: string }[]>(
          `SELECT table_name FROM information_schema.tables
           WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name`,
        )
      ).map((row) => row.table_name);
    try {
      const before = await tables();
      expect(before).toEqual(expect.arrayContaining(['cases', 'holds', 'case_deadlines', 'account_activity']));
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      expect(await tables()).toEqual([]);
      expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length);
      expect(await tables()).toEqual(before);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
