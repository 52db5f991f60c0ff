import { AppConfig } from '@app/common';
import { runMigrations, startEmbeddedPostgres } from '@app/database';

/**
 * The database every process (server, CLI) uses: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL under DATA_DIR, joined if another process already runs it. Migrated before use.
 */
export async function prepareDatabase(
  config: AppConfig,
): Promise<{ config: AppConfig; embedded: boolean; stop: () => Promise<void> }> {
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_POSTGRES_PORT });
  const resolved = embedded ? Object.assign(new AppConfig(), config, { DATABASE_URL: embedded.url }) : config;
  if (!resolved.DATABASE_URL) throw new Error('No database: DATABASE_URL is unset and no embedded PostgreSQL started');
  await runMigrations(resolved.DATABASE_URL);
  return { config: resolved, embedded: embedded !== undefined, stop: () => embedded?.stop() ?? Promise.resolve() };
}
