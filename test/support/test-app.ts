import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { App } from 'supertest/types.js';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { type AppConfig, type Clock, loadConfig } from '@app/common';
import { AppModule } from '../../apps/server/src/app.module.js';
import { configureApp } from '../../apps/server/src/configure-app.js';
import { createRootLogger } from '../../apps/server/src/http/logging.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  http: App;
  config: AppConfig;
  dataSource: DataSource;
  uploadDir: string;
  /** Every file under the upload folder (staging and stored), relative to it. */
  storedFiles(): Promise<string[]>;
  rowCount(table: 'cases' | 'documents' | 'case_state_changes'): Promise<number>;
  close(): Promise<void>;
}

/** The whole server, on its own fresh database and upload folder. */
export interface TestAppOptions {
  clock?: Clock;
  /** Where log lines go; by default LOG_LEVEL is silent. */
  logDestination?: DestinationStream;
  /**
   * Join the database and folders another server process uses (to inspect what it left behind)
   * instead of a fresh database and folders; closing then leaves them in place.
   */
  attach?: { databaseUrl: string; root: string; masterKey: string };
}

export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const { attach } = options;
  const database = attach ? { url: attach.databaseUrl, drop: () => Promise.resolve() } : await createTestDatabase();
  const root = attach?.root ?? (await mkdtemp(join(tmpdir(), 'nok-test-app-')));
  if (!attach) await chmod(root, 0o700);
  const uploadDir = join(root, 'uploads');
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      DATA_DIR: join(root, 'data'),
      UPLOAD_DIR: uploadDir,
      DOCUMENT_MASTER_KEY: attach?.masterKey ?? randomBytes(32).toString('base64'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PUBLIC_RATE_LIMIT_PER_MINUTE: 100_000,
      DATABASE_POOL_SIZE: 5,
      // The job queue is started only by the suites about it; the others call the services directly.
      JOBS_ENABLED: false,
      // Suites about review work with cases whose family confirmed their address; the mail suite asks for it.
      REQUIRE_EMAIL_VERIFICATION: false,
      ...overrides,
    },
  );
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, options.clock)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, createRootLogger(config, options.logDestination));
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());

  return {
    app,
    http: app.getHttpServer() as App,
    config,
    dataSource,
    uploadDir,
    storedFiles: () => listFiles(uploadDir),
    rowCount: async (table) => {
      const [row] = await dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM ${table}`);
      return row.n;
    },
    close: async () => {
      await app.close();
      await database.drop();
      if (!attach) await rm(root, { recursive: true, force: true });
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
