import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigurationError, loadConfig } from '@app/common';
import { runMigrations, startEmbeddedPostgres } from '@app/database';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';
import { createRootLogger } from './http/logging.js';

async function bootstrap(): Promise<void> {
  let config = loadConfig();
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_POSTGRES_PORT });
  if (embedded) config = loadConfig(process.env, { DATABASE_URL: embedded.url });

  if (!config.DATABASE_URL) throw new Error('No database: DATABASE_URL is unset and no embedded PostgreSQL started');
  await runMigrations(config.DATABASE_URL);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, createRootLogger(config));
  await app.listen(config.PORT);
  new Logger('Bootstrap').log(
    `Next of Kin is listening on http://localhost:${config.PORT} (API docs: /api/docs)` +
      (embedded ? `; embedded PostgreSQL in ${config.DATA_DIR}` : ''),
  );

  const shutDown = (): void => {
    app
      .close()
      .then(() => embedded?.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
