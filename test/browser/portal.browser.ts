import type { Browser } from 'playwright-core';
import { DocumentCipher } from '@app/documents';
import { confirmationCode } from '@app/notifications';
import { AccountActivityDto, AccountActivityService } from '@app/timeline';
import { runCli } from '../../apps/server/src/cli.js';
import { pdf, windowsExecutable } from '../support/fixtures.js';
import { launchChromium, screenshot, startServer } from './browser.js';
import type { TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';
let server: { app: TestApp; origin: string };
let reference = '';
let familyUrl = '';
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

    // The address is confirmed with the code from our e-mail (here derived as the server does).
    await page.getByLabel('Bestätigungscode').fill('A'.repeat(43));
    await page.getByRole('button', { name: 'Meine Adresse bestätigen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dieser Code bestätigt diesen Antrag nicht' }).waitFor();
    const [{ id }] = await server.app.dataSource.query<[{ id: string }]>('SELECT id FROM cases');
    await page.getByLabel('Bestätigungscode').fill(confirmationCode(server.app.app.get(DocumentCipher), id));
    await page.getByRole('button', { name: 'Meine Adresse bestätigen' }).click();
    await page.getByLabel('Bestätigungscode').waitFor({ state: 'detached' });
    reference = (await page.getByRole('heading', { name: /Ihr Antrag NOK-/ }).innerText()).replace('Ihr Antrag ', '');
    familyUrl = page.url();
    await context.close();
  });

  it('is worked in the back office: preview, accept, approve twice', async () => {
    for (const [name, role] of [
      ['rita', 'reviewer'],
      ['lea', 'legal'],
    ]) {
      await runCli(['users:create', '--email', `${name}@example.org`, '--role', role], {
        DATABASE_URL: server.app.config.DATABASE_URL,
        NEW_USER_PASSWORD: PASSWORD,
      });
    }
    const staff = async (name: string) => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${server.origin}/backoffice/login`);
      await page.getByLabel('E-mail').fill(`${name}@example.org`);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Cases, most at risk first' }).waitFor();
      return { context, page };
    };
    // The account platform reports the account: the case page then draws its clock.
    const lastSignIn = new Date(Date.now() - 340 * 86_400_000).toISOString().slice(0, 10);
    await server.app.app
      .get(AccountActivityService)
      .report('anna.keller@outlook.com', Object.assign(new AccountActivityDto(), { lastSignInAt: lastSignIn }), {
        actorType: 'user',
        actorId: 'browser-test',
      });
    const rita = await staff('rita');
    await screenshot(rita.page, 'backoffice-queue');
    await rita.page.getByRole('combobox', { name: 'State' }).selectOption('CLOSED');
    await rita.page.getByRole('link', { name: reference }).waitFor({ state: 'detached' });
    await rita.page.getByRole('combobox', { name: 'State' }).selectOption('READY_FOR_REVIEW');
    await rita.page.getByRole('link', { name: reference }).click();
    await rita.page.getByRole('heading', { name: reference }).waitFor();
    await rita.page.getByRole('button', { name: 'Start review' }).click();
    await rita.page.getByText(/^IN_REVIEW/).waitFor();
    for (let i = 0; i < 4; i++) {
      await rita.page.getByRole('button', { name: 'Accept' }).nth(i).click();
      await rita.page
        .getByRole('listitem')
        .nth(i)
        .getByText(/ACCEPTED/)
        .waitFor();
    }
    await rita.page.getByText(/days left \(until/).waitFor();
    await rita.page.locator('.recharts-surface').waitFor();
    await screenshot(rita.page, 'backoffice-case-clock');
    await rita.page.getByRole('button', { name: 'Approve' }).click();
    await rita.page.getByText(/^AWAITING_SECOND_APPROVAL/).waitFor();
    // TODO(#7): a real one-page PDF fixture (Chromium's viewer cannot show the page-less test PDF),
    // and find why clicks after an open PDF preview do not reach the buttons.
    await rita.page.getByRole('button', { name: 'Preview' }).first().click();
    await rita.page.locator('iframe').waitFor();
    await screenshot(rita.page, 'backoffice-case-preview');
    await rita.context.close();

    const lea = await staff('lea');
    await lea.page.goto(`${server.origin}/backoffice/cases/${reference}`);
    await lea.page.getByRole('button', { name: 'Approve' }).click();
    await lea.page.getByText(/^APPROVED/).waitFor();
    await lea.context.close();

    const family = await browser.newContext({ locale: 'de-DE' });
    const page = await family.newPage();
    await page.goto(familyUrl);
    await page.getByText('Ihr Antrag wurde genehmigt.').waitFor();
    await screenshot(page, 'portal-decision-de');
    await family.close();
  });
});
