export { DatabaseModule } from './database.module.js';
export { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
export { runMigrations } from './migrate.js';
export { MIGRATIONS } from './migrations/index.js';
