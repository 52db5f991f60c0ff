import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigurationError, loadConfig } from '@app/common';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';
import { prepareDatabase } from './database-bootstrap.js';
import { createRootLogger } from './http/logging.js';
import { startMessage } from './start-message.js';

async function bootstrap(): Promise<void> {
  const database = await prepareDatabase(loadConfig());
  const { config } = database;

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, createRootLogger(config));
  await app.listen(config.PORT);
  const logger = new Logger('Bootstrap');
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(...startMessage(config, port, database.embedded));

  // In this order: the app finishes its requests and stops its job queue while the database is
  // still there, then the embedded PostgreSQL stops. Ctrl-C under npm arrives more than once (from
  // the terminal, and forwarded by npm): only the first counts.
  let stopping = false;
  const shutDown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    app
      .close()
      .then(() => database.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'Could not stop cleanly');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
