import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
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
