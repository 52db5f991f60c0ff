import { resolve } from 'node:path';
import type { AppConfig } from '@app/common';
import { isWebUiBuilt } from './http/web-ui.js';

/**
 * What a newcomer reads after `npm start`: where to open the family portal and the back office (the
 * web UI's routes `/` and `/backoffice`), where e-mail links point, and where the data lives; as the
 * log line's message, and as fields for whoever reads the JSON.
 */
export function startMessage(
  config: AppConfig,
  port: number,
  embeddedDatabase: boolean,
): [fields: Record<string, string>, message: string] {
  const origin = `http://localhost:${port}`;
  const built = isWebUiBuilt(config.WEB_DIR);
  const fields: Record<string, string> = built
    ? { portal: `${origin}/`, backOffice: `${origin}/backoffice` }
    : { webUi: `not built in ${resolve(config.WEB_DIR)} (npm run build)` };
  fields.apiDocs = `${origin}/api/docs`;
  fields.emailLinks = config.PUBLIC_URL;
  fields.database = embeddedDatabase
    ? `embedded PostgreSQL in ${resolve(config.DATA_DIR, 'postgres')}`
    : 'DATABASE_URL';
  const message = built
    ? `Next of Kin: the family portal is at ${origin}/ and the back office at ${origin}/backoffice`
    : `Next of Kin is listening on ${origin} (API only: the web UI is not built)`;
  return [fields, message];
}
