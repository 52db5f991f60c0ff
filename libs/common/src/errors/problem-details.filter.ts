import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isConnectionWaitTimeout } from './connection-wait.js';
import { DomainException, type FieldError } from './domain-exception.js';
import { ERROR_CATALOGUE, type ErrorCode, problemType } from './error-codes.js';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
}

/** Body-parser and multer signal with plain errors that carry a `type` or `code`. */
interface TransportError {
  type?: string;
  status?: number;
}

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one place where any error becomes an RFC 9457 response. Internals never reach the body. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>(); // id: set by the request logger
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      problem.correlationId = request.id;
      // A busy pool is load, not a defect: a warning, so a burst does not flood the log with errors.
      const level = problem.code === 'SERVICE_BUSY' ? 'warn' : 'error';
      this.logger[level]({ err: describeError(exception), correlationId: problem.correlationId }, 'Request failed');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    // A busy answer always says when to come back; a caller that knows better (the hash queue) set it already.
    if (problem.code === 'SERVICE_BUSY' && !response.getHeader('Retry-After')) {
      response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
    }
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainException) {
      return build(exception.code, exception.detail, exception.errors);
    }
    if (isConnectionWaitTimeout(exception)) {
      return build('SERVICE_BUSY', busyDetail);
    }
    const transport = transportError(exception);
    if (transport?.type === 'entity.parse.failed') {
      return build('MALFORMED_JSON', 'The body could not be parsed as JSON; check quotes, commas and brackets.');
    }
    if (transport?.type === 'entity.too.large') {
      return build('BODY_TOO_LARGE', 'The request body is larger than the server accepts.');
    }
    if (transport?.type === 'charset.unsupported' || transport?.type === 'encoding.unsupported') {
      return build('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON.');
    }
    if (exception instanceof HttpException) {
      const code = STATUS_TO_CODE[exception.getStatus()] ?? 'INTERNAL';
      return build(code, code === 'INTERNAL' ? genericDetail : exception.message);
    }
    return build('INTERNAL', genericDetail);
  }
}

/** Express's adapter wraps body-parser errors in HttpExceptions; the original is the cause. */
function transportError(exception: unknown): TransportError | undefined {
  const candidate = exception instanceof HttpException ? exception.cause : exception;
  return typeof candidate === 'object' && candidate !== null ? candidate : undefined;
}

/**
 * What of an unexpected error goes to the log: its kind, message and stack. Never the error object
 * itself: a database error carries the query's parameters (names, hashes).
 */
function describeError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const { code } = exception as { code?: unknown };
  return { type: exception.name, message: exception.message, stack: exception.stack, code };
}

/** Long enough for a burst to drain from the pool, short enough that a person hardly notices. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

const busyDetail =
  'The server has more requests than database connections right now. Nothing was done; try again after the Retry-After seconds.';

const genericDetail =
  'The server could not finish this request. Nothing was stored; try again, and quote the correlation id if it keeps failing.';

function build(code: ErrorCode, detail: string, errors?: FieldError[]): ProblemDetails {
  const { status, title } = ERROR_CATALOGUE[code];
  return { type: problemType(code), title, status, detail, code, ...(errors ? { errors } : {}) };
}
