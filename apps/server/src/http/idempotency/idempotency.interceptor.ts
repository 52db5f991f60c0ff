import { createHash } from 'node:crypto';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import canonicalize from 'canonicalize';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { DomainException } from '@app/common';
import type { StagedUpload } from '@app/documents';
import { IdempotencyStore } from './idempotency.store.js';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

type IdempotentRequest = Request & { file?: { staged?: StagedUpload } };

/**
 * `Idempotency-Key` on a POST: the same key with the same request gives the first answer again
 * (`Idempotent-Replayed: true`); with a different request, 422; while the first is still running,
 * 409. Keys belong to the caller (their credentials), and are kept 24 hours. A request that failed
 * frees its key, so it can be retried as it is.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[HEADER];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw DomainException.invalid([
        { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters, such as a UUID' },
      ]);
    }
    const caller = sha256(request.headers.authorization ?? 'anonymous');
    const claim = await this.store.claim(caller, key, fingerprint(request));
    switch (claim.kind) {
      case 'in-progress':
        throw new DomainException('IDEMPOTENCY_IN_PROGRESS', 'The first request with this key has not finished yet.');
      case 'reused':
        throw new DomainException(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        );
      case 'replay':
        response.status(claim.status).setHeader('Idempotent-Replayed', 'true');
        return of(claim.body);
      case 'claimed':
        return next.handle().pipe(
          mergeMap((body: unknown) =>
            from(this.store.complete(caller, key, response.statusCode, body).then(() => body)),
          ),
          catchError((error: unknown) =>
            from(this.store.release(caller, key)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
    }
  }
}

/** What makes two requests "the same": method, path, and the body (for an upload: its fields and file). */
function fingerprint(request: IdempotentRequest): Buffer {
  const staged = request.file?.staged;
  const body: unknown = staged
    ? { fields: request.body as unknown, file: { sha256: staged.sha256, size: staged.size, name: staged.fileName } }
    : request.body;
  return sha256(`${request.method} ${request.path}\n${canonicalize(body ?? null) ?? ''}`);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Marks a POST as taking `Idempotency-Key`. On an upload, put it above the upload interceptor. */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Any unique string (a UUID): a retry with the same key and body gets the first answer again',
    }),
    UseInterceptors(IdempotencyInterceptor),
  );
