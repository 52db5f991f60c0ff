import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { type AppConfig, DomainException } from '@app/common';
import { accountKey } from './login-body.js';

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

const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Logins, in two limits over 15 minutes, counting failed attempts only (a reviewer who signs in
 * often is never locked out): per address, whatever the account, so one address cannot spray a
 * password over many accounts; and per address and account, so one account is not guessed at
 * speed. They run after validateLoginBody, so keys are small (an address, or an address and a
 * 22-character hash of the e-mail) and a new one is only made by an address the first limit
 * still lets through: at most LOGIN_FAILURES_PER_ADDRESS_PER_15_MINUTES keys per address.
 * The in-memory store is per process; behind several instances each one counts on its own.
 */
export function loginRateLimits(config: AppConfig): RequestHandler[] {
  const limited: RequestHandler = (_request, _response, next) => {
    next(new DomainException('RATE_LIMITED', 'Too many failed login attempts; wait 15 minutes and try again.'));
  };
  const common = {
    windowMs: LOGIN_WINDOW_MS,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: limited,
  } as const;
  return [
    rateLimit({
      ...common,
      limit: config.LOGIN_FAILURES_PER_ADDRESS_PER_15_MINUTES,
      keyGenerator: (request) => ipKeyGenerator(request.ip ?? ''),
    }),
    rateLimit({
      ...common,
      limit: config.LOGIN_ATTEMPTS_PER_15_MINUTES,
      keyGenerator: (request) => {
        const { email } = request.body as { email: string }; // checked by validateLoginBody
        return `${ipKeyGenerator(request.ip ?? '')}|${accountKey(email)}`;
      },
    }),
  ];
}
