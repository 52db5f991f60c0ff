import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Logger } from 'pino';
import {
  AppConfig,
  PinoLoggerService,
  ProblemDetailsFilter,
  RejectHostileRequestGuard,
  RejectNulCharactersPipe,
  validationExceptionFactory,
} from '@app/common';
import { setUpOpenApi } from './http/openapi.js';
import { serveWebUi } from './http/web-ui.js';
import { createRequestLogger } from './http/logging.js';
import { loginBodyParser } from './http/login-body.js';
import { noStoreForApi } from './http/no-store.js';

/** Everything around the routes, shared by `npm start` and the end-to-end tests. */
export function configureApp(app: NestExpressApplication, logger: Logger): INestApplication {
  const config = app.get(AppConfig);
  app.useLogger(new PinoLoggerService(logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(createRequestLogger(logger));
  app.use(
    helmet({
      // Upgrading to https only makes sense behind TLS; on plain http it would break /api/docs.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.TRUST_PROXY ? [] : null } },
    }),
  );
  // Parsed first, with its own small limit; the 64 KiB parser then skips the already-parsed body.
  app.use('/api/v1/auth/login', loginBodyParser());
  app.use(noStoreForApi);
  app.useBodyParser('json', { limit: '64kb', strict: true });
  app.use(cookieParser());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalGuards(new RejectHostileRequestGuard());
  app.useGlobalPipes(
    new RejectNulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  setUpOpenApi(app);
  serveWebUi(app, config.WEB_DIR);
  return app;
}
