import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '@app/common';
import { redactPath } from './redact-path.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service: 'next-of-kin' } }, destination);
}

/**
 * The request log: method, path, status and timing only. No bodies (names of the deceased,
 * documents), no headers (tokens, cookies), no query string and no account addresses in the path;
 * the request id is echoed as X-Request-Id.
 */
export function createRequestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        path: redactPath(request.url),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
  });
}
