import type { Browser } from 'playwright-core';
import { pdf, windowsExecutable } from '../support/fixtures.js';
import { launchChromium, screenshot, startServer } from './browser.js';
import type { TestApp } from '../support/test-app.js';

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

describe('the family portal', () => {
  it('takes a German request in German', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: 'Einen Antrag zu einem Konto stellen' }).waitFor();
    await screenshot(page, 'portal-request-de');
    await page.getByRole('radio', { name: /Mir die E-Mails und Dateien geben/ }).check();
    await page.getByLabel('Vollständiger Name', { exact: true }).fill('Anna Keller');
    await page.getByLabel('Adresse des Kontos', { exact: true }).fill('anna.keller@outlook.com');
    await page.getByLabel('Land, in dem sie lebte (zwei Buchstaben, z. B. DE)', { exact: true }).fill('DE');
    await page.getByLabel('Sterbedatum', { exact: true }).fill('2026-05-01');
    await page.getByLabel('Ihr vollständiger Name', { exact: true }).fill('Jonas Keller');
    await page.getByLabel('Ihre E-Mail-Adresse', { exact: true }).fill('jonas@example.org');
    await page.getByRole('combobox', { name: /Ihre Beziehung zu ihr/ }).selectOption('CHILD');
    await page.getByLabel('Ihr Land (zwei Buchstaben)', { exact: true }).fill('DE');
    await page.getByRole('button', { name: 'Antrag senden' }).click();
    await page.getByRole('heading', { name: /Ihr Antrag NOK-\d{4}-\d{6} wurde gesendet\./ }).waitFor();
    await screenshot(page, 'portal-sent-de');
    const [row] = await server.app.dataSource.query<[{ requester_language: string }]>(
      'SELECT requester_language FROM cases',
    );
    expect(row.requester_language).toBe('de');

    // The link the family keeps opens the status page, with an upload slot per document.
    await page.getByRole('link', { name: 'Antrag ansehen und Unterlagen senden' }).click();
    await page.getByText('Wir warten auf Ihre Unterlagen.').waitFor();
    await page.getByLabel(/^Sterbeurkunde/).setInputFiles({
      name: 'Sterbeurkunde.exe.pdf',
      mimeType: 'application/pdf',
      buffer: windowsExecutable(),
    });
    await page.getByRole('alert').filter({ hasText: /PDF/ }).waitFor();
    await screenshot(page, 'portal-refused-upload-de');
    for (const [label, type] of [
      [/^Sterbeurkunde/, 'DEATH_CERTIFICATE'],
      [/^Ausweis der verstorbenen Person/, 'DECEASED_ID'],
      [/^Erbschein/, 'INHERITANCE_CERTIFICATE'],
      [/^Ihr Ausweis/, 'REQUESTER_ID'],
    ] as const) {
      await page
        .getByLabel(label)
        .setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdf(type, 200_000) });
      await page.getByLabel(label).locator('xpath=..').getByText('erhalten, wird geprüft').waitFor();
    }
    await screenshot(page, 'portal-status-de');
    await context.close();
  });
});
