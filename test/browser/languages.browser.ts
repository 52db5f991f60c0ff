import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { da } from '../../apps/web/src/locales/da.js';
import { de } from '../../apps/web/src/locales/de.js';
import { en } from '../../apps/web/src/locales/en.js';
import { nb } from '../../apps/web/src/locales/nb.js';
import { nl } from '../../apps/web/src/locales/nl.js';
import { zh } from '../../apps/web/src/locales/zh.js';
import type { TestApp } from '../support/test-app.js';
import { launchChromium, screenshot, startServer } from './browser.js';

const LANGUAGES = { en, nl, da, de, nb, zh };
/** What i18next shows for a key it cannot find: the key itself. */
const UNTRANSLATED =
  /\b(app|request|relationship|status|state|deadline|decision|item|documentType|backoffice|error)\.[A-Za-z_]+/;

let server: { app: TestApp; origin: string };
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await server.app.close();
});

describe('the portal in every language', () => {
  it.each(Object.entries(LANGUAGES))(
    '%s: the browser language chooses it, and every string is translated',
    async (language, messages) => {
      const context = await browser.newContext({ locale: language === 'nb' ? 'nb-NO' : language });
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.getByRole('heading', { name: messages.request.heading }).waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(UNTRANSLATED);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await screenshot(page, `portal-request-${language}`);
      await context.close();
    },
  );

  it('has no serious accessibility violations (axe-core)', async () => {
    const context = await browser.newContext({ locale: 'de-DE', bypassCSP: true }); // axe injects a script
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: de.request.heading }).waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await context.close();
  });
});
