import type { NextFunction, Request, Response } from 'express';

/**
 * Every API answer may carry personal data (a case, a family's request, a document): no cache —
 * browser, proxy or shared — keeps a copy, and no browser guesses a type the answer did not declare.
 * The UI's own files (outside /api) keep their caching.
 */
export function noStoreForApi(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/api' || request.path.startsWith('/api/')) {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
  }
  next();
}
