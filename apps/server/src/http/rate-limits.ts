import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { type AppConfig, DomainException } from '@app/common';

/** The public (family) endpoints: per client address, per minute. 429 as a problem document. */
export function publicRateLimit(config: AppConfig): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) => {
      next(new DomainException('RATE_LIMITED', 'Too many requests from this address; wait a minute and try again.'));
    },
  });
}

/** Logins: per address and e-mail, over 15 minutes, so a password cannot be guessed at speed. */
export function loginRateLimit(config: AppConfig): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: config.LOGIN_ATTEMPTS_PER_15_MINUTES,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (request) => {
      const body = request.body as { email?: unknown } | undefined;
      const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
      return `${ipKeyGenerator(request.ip ?? '')}|${email}`;
    },
    handler: (_request, _response, next) => {
      next(new DomainException('RATE_LIMITED', 'Too many login attempts; wait 15 minutes and try again.'));
    },
  });
}
