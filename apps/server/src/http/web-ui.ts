import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built web UI (dist/web) on the API's origin: its files, and index.html for every other
 * GET outside /api, so the browser's routes (/, /requests/…, /backoffice/…) load the app.
 */
export function serveWebUi(app: NestExpressApplication, webDir: string): void {
  const root = resolve(webDir);
  const index = join(root, 'index.html');
  if (!isWebUiBuilt(webDir)) return; // not built (API-only tests): nothing to serve
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || !request.accepts('html')) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

export function isWebUiBuilt(webDir: string): boolean {
  return existsSync(join(resolve(webDir), 'index.html'));
}
