import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { json } from 'express';
import { DomainException, exceedsDepth, MAX_JSON_DEPTH } from '@app/common';

/** A login body is an e-mail and a password: 4 KiB is ample, and the limiter never sees more. */
export const LOGIN_BODY_LIMIT = '4kb';
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 1024;

/** Parses the login body with its own small limit before the application's 64 KiB parser can. */
export const loginBodyParser = (): RequestHandler => json({ limit: LOGIN_BODY_LIMIT, strict: true });

/**
 * Checks the shape and size of a login body before the rate limiters keep anything about it, so
 * oversized or malformed bodies are answered 400 and leave no state behind. LoginDto checks the
 * same fields again (and that the e-mail is one); this only guards the limiter's input.
 */
export const validateLoginBody: RequestHandler = (request, _response, next) => {
  // This runs before the global guard that bounds JSON depth, so it applies the same bound itself.
  if (exceedsDepth(request.body, MAX_JSON_DEPTH)) {
    next(DomainException.invalid([{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]));
    return;
  }
  if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
    next(DomainException.invalid([{ field: 'body', message: 'must be a JSON object with email and password' }]));
    return;
  }
  const body = request.body as { email?: unknown; password?: unknown };
  const errors: { field: string; message: string }[] = [];
  if (typeof body.email !== 'string' || body.email.length === 0 || body.email.length > MAX_EMAIL_LENGTH) {
    errors.push({ field: 'email', message: `must be an e-mail address of at most ${MAX_EMAIL_LENGTH} characters` });
  }
  if (typeof body.password !== 'string' || body.password.length === 0 || body.password.length > MAX_PASSWORD_LENGTH) {
    errors.push({ field: 'password', message: `must be a string of 1 to ${MAX_PASSWORD_LENGTH} characters` });
  }
  next(errors.length > 0 ? DomainException.invalid(errors) : undefined);
};

/** The account part of a limiter key: a fixed 22 characters whatever the e-mail's length. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);
}
