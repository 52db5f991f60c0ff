import { AxeBuilder } from '@axe-core/playwright';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { da } from '../../apps/web/src/locales/da.js';
import { de } from '../../apps/web/src/locales/de.js';
import { en } from '../../apps/web/src/locales/en.js';
import { nb } from '../../apps/web/src/locales/nb.js';
import { nl } from '../../apps/web/src/locales/nl.js';
import { zh } from '../../apps/web/src/locales/zh.js';
import { runCli } from '../../apps/server/src/cli.js';
import { germanReleaseWithDocuments, type SubmittedRequest } from '../support/families.js';
import type { TestApp } from '../support/test-app.js';
import { launchChromium, screenshot, startServer } from './browser.js';

const LANGUAGES = { en, nl, da, de, nb, zh };
/** What i18next shows for a key it cannot find: the key itself, such as `status.upload`. */
const UNTRANSLATED = new RegExp(`\\b(${Object.keys(en).join('|')})\\.[A-Za-z_]+`);
const PASSWORD = 'correct horse battery staple';

let server: { app: TestApp; origin: string };
let browser: Browser;
let german: SubmittedRequest;
beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  german = await germanReleaseWithDocuments(server.app.http);
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await runCli(['users:create', '--email', 'rita@example.org', '--role', 'reviewer'], {
    DATABASE_URL: server.app.config.DATABASE_URL,
    NEW_USER_PASSWORD: PASSWORD,
  });
  quiet.mockRestore();
});
afterAll(async () => {
  await browser.close();
  await server.app.close();
});

const statusUrl = () => `${server.origin}/requests/${german.reference}#t=${german.accessToken}`;

describe('the portal in every language', () => {
  it.each(Object.entries(LANGUAGES))(
    '%s: the browser language chooses it, and every string of the request and status pages is translated',
    async (language, messages) => {
      const context = await browser.newContext({ locale: language === 'nb' ? 'nb-NO' : language });
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.getByRole('heading', { name: messages.request.heading }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('body').innerText()).not.toMatch(UNTRANSLATED);
      await page.getByRole('radio', { name: messages.request.CLOSE_ACCOUNT }).check();
      await page.getByRole('button', { name: messages.request.continue }).click();
      await page.getByLabel(messages.request.country).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(UNTRANSLATED);
      await screenshot(page, `portal-request-${language}`);

      await page.goto(statusUrl());
      await page.getByText(messages.state.READY_FOR_REVIEW).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(UNTRANSLATED);
      await screenshot(page, `portal-status-${language}`);
      await context.close();
    },
  );

  it('the switch changes the language and remembers it', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByLabel(en.language).selectOption('zh');
    await page.getByRole('heading', { name: zh.request.heading }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: zh.request.heading }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh');
    await context.close();
  });
});

describe('accessibility (axe-core)', () => {
  /** Serious and critical violations only; axe injects a script, so this context bypasses the CSP. */
  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.html).join(' | ')})`,
      );
  }

  it('finds none on the family portal: the request steps and the status page', async () => {
    const context = await browser.newContext({ locale: 'de-DE', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: de.request.heading }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: de.request.continue }).click();
    await page.getByRole('button', { name: de.request.continue }).click();
    await page.getByText(de.request.required).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(statusUrl());
    await page.getByText(de.state.READY_FOR_REVIEW).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds none in the back office: login, queue and case page', async () => {
    const context = await browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/backoffice/login`);
    await page.getByRole('heading', { name: en.backoffice.login }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(en.backoffice.email).fill('rita@example.org');
    await page.getByLabel(en.backoffice.password).fill(PASSWORD);
    await page.getByRole('button', { name: en.backoffice.signIn }).click();
    await page.getByRole('link', { name: german.reference }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: german.reference }).click();
    await page.getByRole('heading', { name: en.backoffice.actions }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
