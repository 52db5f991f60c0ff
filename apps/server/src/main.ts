import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigurationError, loadConfig } from '@app/common';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';
import { prepareDatabase } from './database-bootstrap.js';
import { createRootLogger } from './http/logging.js';

async function bootstrap(): Promise<void> {
  const database = await prepareDatabase(loadConfig());
  const { config } = database;

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, createRootLogger(config));
  await app.listen(config.PORT);
  new Logger('Bootstrap').log(
    `Next of Kin is listening on http://localhost:${config.PORT} (API docs: /api/docs)` +
      (database.embedded ? `; embedded PostgreSQL in ${config.DATA_DIR}` : ''),
  );

  const shutDown = (): void => {
    app
      .close()
      .then(() => database.stop())
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
