import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/common';
import { startMessage } from './start-message.js';

describe('the start message', () => {
  let webDir: string;
  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'nok-web-'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html>');
  });
  afterAll(() => rm(webDir, { recursive: true, force: true }));

  it('names the portal, the back office and where e-mail links point, on the port listened on', () => {
    const [fields, message] = startMessage(loadConfig({ PORT: '3311', WEB_DIR: webDir }), 3311, true);
    expect(message).toBe(
      'Next of Kin: the family portal is at http://localhost:3311/ and the back office at http://localhost:3311/backoffice',
    );
    expect(fields).toMatchObject({
      portal: 'http://localhost:3311/',
      backOffice: 'http://localhost:3311/backoffice',
      apiDocs: 'http://localhost:3311/api/docs',
      emailLinks: 'http://localhost:3311',
      database: expect.stringMatching(/^embedded PostgreSQL in \/.*postgres$/),
    });
  });

  it('says when the web UI is not built', () => {
    const [fields, message] = startMessage(loadConfig({ WEB_DIR: join(webDir, 'absent') }), 3000, false);
    expect(message).toMatch(/API only/);
    expect(fields).toMatchObject({ webUi: expect.stringMatching(/npm run build/), database: 'DATABASE_URL' });
  });
});
