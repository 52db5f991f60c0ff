import { jest } from '@jest/globals';
import type { DocumentType } from '@app/common';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DocumentCipher } from '@app/documents';
import { confirmationCode } from '@app/notifications';
import { AccountActivityDto, AccountActivityService } from '@app/timeline';
import { de } from '../../apps/web/src/locales/de.js';
import { nl } from '../../apps/web/src/locales/nl.js';
import { en } from '../../apps/web/src/locales/en.js';
import { runCli } from '../../apps/server/src/cli.js';
import { germanReleaseWithDocuments } from '../support/families.js';
import { pdf, png, validRequest, windowsExecutable } from '../support/fixtures.js';
import { field, launchChromium, screenshot, startServer } from './browser.js';
import type { TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';
const MiB = 1024 * 1024;
const GERMAN_DOCUMENTS = ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE', 'REQUESTER_ID'] as const;
let server: { app: TestApp; origin: string };
let browser: Browser;
beforeAll(async () => {
  // As in production: review waits for the confirmed address. Small files, to show the too-big refusal.
  server = await startServer({ MAX_FILE_SIZE_BYTES: 3 * MiB, REQUIRE_EMAIL_VERIFICATION: true });
  browser = await launchChromium();
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  for (const [name, role] of [
    ['rita', 'reviewer'],
    ['ben', 'reviewer'],
    ['lea', 'legal'],
  ]) {
    await runCli(['users:create', '--email', `${name}@example.org`, '--role', role], {
      DATABASE_URL: server.app.config.DATABASE_URL,
      NEW_USER_PASSWORD: PASSWORD,
    });
  }
  quiet.mockRestore();
});
afterAll(async () => {
  await browser.close();
  await server.app.close();
});

/** A back-office user signed in, in English, on the queue. */
async function signIn(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/backoffice/login`);
  await page.getByRole('heading', { name: en.backoffice.login }).waitFor();
  if (name === 'rita') await screenshot(page, 'backoffice-login');
  await page.getByLabel(field(en.backoffice.email)).fill(`${name}@example.org`);
  await page.getByLabel(field(en.backoffice.password)).fill(PASSWORD);
  await page.getByRole('button', { name: en.backoffice.signIn }).click();
  await page.getByRole('heading', { name: en.backoffice.queue }).waitFor();
  return page;
}

const caseState = (page: Page, state: keyof typeof en.stateName) =>
  page.getByTestId('case-state').filter({ hasText: en.stateName[state] }).waitFor();
const documentCard = (page: Page, type: DocumentType, language = de) =>
  page.getByRole('group', { name: language.documentType[type], exact: true });

describe('a German family and the reviewers, through the UI', () => {
  let reference = '';
  let familyUrl = '';

  it('the family files a German request in German, step by step, and sends four PDFs with progress', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: de.request.heading }).waitFor();
    await page.getByRole('radio', { name: de.request.CLOSE_ACCOUNT }).check();
    await page.getByText(de.request.selfServiceTitle).waitFor();
    await screenshot(page, 'portal-request-de');
    await page.getByRole('radio', { name: de.request.RELEASE_DATA }).check();
    await page.getByRole('button', { name: de.request.continue }).click();

    // A step opens only once its fields are filled in.
    await page.getByRole('button', { name: de.request.continue }).click();
    await page.getByText(de.request.required).first().waitFor();
    await page.getByLabel(field(de.request.fullName)).fill('Anna Keller');
    await page.getByLabel(field(de.request.accountEmail)).fill('anna.keller');
    await page.getByLabel(field(de.request.country)).selectOption('DE');
    await page.getByLabel(field(de.request.dateOfDeath)).fill('2026-05-01');
    await page.getByRole('button', { name: de.request.continue }).click();
    await page.getByText(de.request.invalidEmail).waitFor();
    await page.getByLabel(field(de.request.accountEmail)).fill('anna.keller@outlook.com');
    await page.getByRole('button', { name: de.request.continue }).click();

    await page.getByLabel(field(de.request.yourName)).fill('Jonas Keller');
    await page.getByLabel(field(de.request.yourEmail)).fill('jonas@example.org');
    await page.getByLabel(field(de.request.relationship)).selectOption('CHILD');
    await page.getByLabel(field(de.request.yourCountry)).selectOption('DE');
    await screenshot(page, 'portal-request-you-de');
    await page.getByRole('button', { name: de.request.submit }).click();
    await page.getByRole('heading', { name: /NOK-\d{4}-\d{6}/ }).waitFor();
    const [row] = await server.app.dataSource.query<[{ reference: string; requester_language: string }]>(
      'SELECT reference, requester_language FROM cases',
    );
    reference = row.reference;
    expect(row.requester_language).toBe('de');

    // The checklist of Germany, with an upload slot for each document and its alternatives.
    await documentCard(page, 'HEIRS_LIST').waitFor();
    await page.getByText(de.group.ONE_OF).first().waitFor();
    const slot = (type: (typeof GERMAN_DOCUMENTS)[number]) =>
      page.getByLabel(`${de.status.upload}: ${de.documentType[type]}`, { exact: true });

    // Refused files say why, in German: a program renamed .pdf, and a scan that is too big.
    await slot('DEATH_CERTIFICATE').setInputFiles({
      name: 'Sterbeurkunde.exe.pdf',
      mimeType: 'application/pdf',
      buffer: windowsExecutable(),
    });
    await documentCard(page, 'DEATH_CERTIFICATE').getByRole('alert').getByText(de.status.wrongType).waitFor();
    await slot('DECEASED_ID').setInputFiles({
      name: 'Ausweis.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('DECEASED_ID', 4 * MiB),
    });
    await documentCard(page, 'DECEASED_ID').getByRole('alert').getByText(de.status.tooBig).waitFor();
    await screenshot(page, 'portal-refused-upload-de');
    expect(await server.app.dataSource.query('SELECT id FROM documents')).toEqual([]);

    for (const type of GERMAN_DOCUMENTS) {
      await slot(type).setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdf(type, 2 * MiB) });
      const progress = page.getByRole('progressbar', { name: `${de.status.progress}: ${de.documentType[type]}` });
      await progress.waitFor();
      await documentCard(page, type).getByText(de.item.PENDING_VERIFICATION).waitFor();
      expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    }
    await page.getByText(de.status.nothingMissing).waitFor();
    await screenshot(page, 'portal-documents-sent-de');

    // The link the family keeps opens the status page; the address is confirmed with the mailed code.
    await page.getByRole('link', { name: de.request.next }).click();
    await page.getByText(de.state.AWAITING_DOCUMENTS).waitFor();
    await page.getByLabel(field(de.status.code)).fill('A'.repeat(43));
    await page.getByRole('button', { name: de.status.confirm }).click();
    await page.getByText(de.status.wrongCode).waitFor();
    const [{ id }] = await server.app.dataSource.query<[{ id: string }]>('SELECT id FROM cases');
    await page.getByLabel(field(de.status.code)).fill(confirmationCode(server.app.app.get(DocumentCipher), id));
    await page.getByRole('button', { name: de.status.confirm }).click();
    await page.getByText(de.state.READY_FOR_REVIEW).waitFor();
    await screenshot(page, 'portal-status-de');
    familyUrl = page.url();
    await context.close();
  });

  it('a reviewer previews and accepts the documents and approves; a legal user gives the second approval', async () => {
    // The account platform reports the account: the case page then draws its clock.
    const lastSignIn = new Date(Date.now() - 340 * 86_400_000).toISOString().slice(0, 10);
    await server.app.app
      .get(AccountActivityService)
      .report('anna.keller@outlook.com', Object.assign(new AccountActivityDto(), { lastSignInAt: lastSignIn }), {
        actorType: 'user',
        actorId: 'browser-test',
      });
    // Other families' requests: one whose account was never reported (most at risk), one losing
    // its mail in days, one comfortable.
    const others: string[] = [];
    for (const [name, country, lastSignInDaysAgo] of [
      ['Li Wei', 'CN', null],
      ['Marie Dubois', 'FR', 390],
      ['Tom Baker', 'US', 100],
    ] as const) {
      const accountEmail = `${name.split(' ')[0].toLowerCase()}@outlook.com`;
      const body = validRequest({
        requestType: 'PRESERVE_DATA',
        subject: {
          status: 'DECEASED',
          fullName: name,
          accountEmail,
          countryOfResidence: country,
          dateOfDeath: '2026-09-01',
        },
      });
      others.push(
        ((await request(server.app.http).post('/api/v1/requests').send(body).expect(201)).body as { reference: string })
          .reference,
      );
      if (lastSignInDaysAgo !== null) {
        const lastSignInAt = new Date(Date.now() - lastSignInDaysAgo * 86_400_000).toISOString().slice(0, 10);
        await server.app.app
          .get(AccountActivityService)
          .report(accountEmail, Object.assign(new AccountActivityDto(), { lastSignInAt }), {
            actorType: 'user',
            actorId: 'browser-test',
          });
      }
    }
    const rita = await signIn('rita');
    await rita.getByRole('link', { name: reference }).waitFor();
    // Riskiest first: the unknown account, then by the days left (held cases count as safe).
    const order = await rita.getByRole('link', { name: /^NOK-/ }).allInnerTexts();
    expect(order.indexOf(others[0])).toBeLessThan(order.indexOf(others[1]));
    await screenshot(rita, 'backoffice-queue');
    await rita.getByLabel(en.backoffice.filter.state).selectOption('CLOSED');
    await rita.getByText(en.backoffice.queueEmpty).waitFor();
    await rita.getByLabel(en.backoffice.filter.state).selectOption('READY_FOR_REVIEW');
    await rita.getByRole('link', { name: reference }).click();
    await rita.getByRole('heading', { name: reference, exact: true }).waitFor();

    // Only what Rita may do now: take the case or start the review.
    await rita.getByRole('button', { name: en.backoffice.action['start-review'] }).click();
    await caseState(rita, 'IN_REVIEW');
    await rita.getByText(/Every required document must be accepted before approval/).waitFor();
    expect(await rita.getByRole('button', { name: en.backoffice.action.approve }).isDisabled()).toBe(true);

    const death = documentCard(rita, 'DEATH_CERTIFICATE', en);
    await death.getByRole('button', { name: en.backoffice.preview }).click();
    await death.getByRole('img', { name: 'DEATH_CERTIFICATE.pdf, 1/1' }).waitFor();
    await screenshot(rita, 'backoffice-case-preview');
    await death.getByRole('button', { name: en.backoffice.closePreview }).click();

    for (const type of GERMAN_DOCUMENTS) {
      const card = documentCard(rita, type, en);
      await card.getByRole('button', { name: en.backoffice.accept }).click();
      await card.getByText(en.item.SATISFIED, { exact: true }).first().waitFor();
    }
    await rita.getByLabel(field(en.backoffice.note)).fill('Erbschein matches the death certificate.');
    await rita.getByRole('button', { name: en.backoffice.addNote }).click();
    await rita.getByText('Erbschein matches the death certificate.').waitFor();
    await rita.locator('.recharts-surface').waitFor();
    await rita.getByText(/days left \(until/).waitFor();
    await screenshot(rita, 'backoffice-case');

    await rita.getByRole('button', { name: en.backoffice.action.approve }).click();
    await caseState(rita, 'AWAITING_SECOND_APPROVAL');
    // The four-eyes step: Rita's approval is recorded; the second is held back for a legal user.
    await rita.getByText('by rita@example.org').waitFor();
    await rita.getByText('The second approval of a release is given by a legal user.').waitFor();
    expect(await rita.getByRole('button', { name: en.backoffice.action.approve }).isDisabled()).toBe(true);
    await screenshot(rita, 'backoffice-four-eyes');
    await rita.context().close();

    const lea = await signIn('lea');
    await lea.goto(`${server.origin}/backoffice/cases/${reference}`);
    await lea.getByRole('button', { name: en.backoffice.action.approve }).click();
    await caseState(lea, 'APPROVED');
    await lea.getByText('document.read').first().waitFor(); // the preview was an audited read
    await lea.context().close();

    const family = await browser.newContext({ locale: 'de-DE' });
    const page = await family.newPage();
    await page.goto(familyUrl);
    await page.getByText(de.state.APPROVED).waitFor();
    await page.getByText(de.decision.APPROVED, { exact: true }).waitFor();
    await screenshot(page, 'portal-decision-de');
    await family.close();
  });

  it('a rejected document and a rejected request reach the family with their reasons, and the family appeals', async () => {
    const created = await germanReleaseWithDocuments(server.app.http, {
      subject: {
        status: 'DECEASED',
        fullName: 'Karl Weber',
        accountEmail: 'karl.weber@outlook.com',
        countryOfResidence: 'DE',
        dateOfDeath: '2026-06-12',
      },
    });
    await request(server.app.http)
      .post(`/api/v1/requests/${created.reference}/email-confirmation`)
      .send({ code: confirmationCode(server.app.app.get(DocumentCipher), await caseId(created.reference)) })
      .expect(200);
    // A photo the checklist does not ask for: kept, listed apart, and previewed as an image.
    await request(server.app.http)
      .post(`/api/v1/requests/${created.reference}/documents`)
      .set('Authorization', `Bearer ${created.accessToken}`)
      .field('type', 'OTHER')
      .attach('file', png(), 'photo.png')
      .expect(201);
    const ben = await signIn('ben');
    await ben.goto(`${server.origin}/backoffice/cases/${created.reference}`);
    const photo = ben.getByRole('group', { name: 'photo.png' });
    await photo.getByRole('button', { name: en.backoffice.preview }).click();
    await photo.getByRole('img', { name: 'photo.png' }).waitFor();
    await ben.getByRole('button', { name: en.backoffice.action['start-review'] }).click();
    await caseState(ben, 'IN_REVIEW');
    const id = documentCard(ben, 'DECEASED_ID', en);
    await id.getByRole('button', { name: en.backoffice.reject }).click();
    await id.getByLabel(field(en.backoffice.rejectDocument)).fill('Die Kopie ist unleserlich.');
    await id.getByRole('button', { name: en.backoffice.reject }).click();
    await id.getByText(en.item.REJECTED, { exact: true }).first().waitFor();

    const family = await browser.newContext({ locale: 'de-DE' });
    const page = await family.newPage();
    await page.goto(`${server.origin}/requests/${created.reference}#t=${created.accessToken}`);
    await documentCard(page, 'DECEASED_ID').getByText('Die Kopie ist unleserlich.').waitFor();
    await page.getByText(de.status.missing).waitFor();

    const actions = ben.getByRole('region', { name: en.backoffice.actions });
    await actions.getByLabel(en.backoffice.reasonCode).selectOption('DOCUMENT_NOT_VALID');
    await actions.getByLabel(field(en.backoffice.reason)).fill('Der Ausweis der Verstorbenen ist nicht lesbar.');
    await actions.getByRole('button', { name: en.backoffice.action.reject }).click();
    await caseState(ben, 'REJECTED');
    await ben.context().close();

    await page.reload();
    await page.getByText(de.state.REJECTED).waitFor();
    await page.getByText('Der Ausweis der Verstorbenen ist nicht lesbar.').waitFor();
    await page.getByLabel(field(de.status.statement)).fill('Wir senden eine neue, lesbare Kopie per Post.');
    await screenshot(page, 'portal-appeal-de');
    await page.getByRole('button', { name: de.status.appeal }).click();
    await page.getByText(de.state.APPEALED).waitFor();
    await family.close();
  });

  it('a Dutch family withdraws its request, after confirming that it means to', async () => {
    const created = await germanReleaseWithDocuments(server.app.http, {
      requester: {
        fullName: 'Sanne de Vries',
        email: 'sanne@example.org',
        relationship: 'SPOUSE',
        countryOfResidence: 'NL',
        language: 'nl',
      },
    });
    const family = await browser.newContext({ locale: 'nl-NL' });
    const page = await family.newPage();
    await page.goto(`${server.origin}/requests/${created.reference}#t=${created.accessToken}`);
    await page.getByRole('button', { name: nl.status.withdraw }).click();
    await page.getByText(nl.status.withdrawConfirm).waitFor();
    await page.getByRole('button', { name: nl.status.keepIt }).click();
    await page.getByText(nl.status.withdrawConfirm).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: nl.status.withdraw }).click();
    await page.getByRole('button', { name: nl.status.withdrawYes }).click();
    await page.getByText(nl.state.WITHDRAWN).waitFor();
    expect(await page.getByRole('button', { name: nl.status.withdraw }).count()).toBe(0);
    await family.close();
  });
});

describe('a legal override, through the UI', () => {
  it('a legal user closes an account another request wants the data of, only with a reason the audit trail keeps', async () => {
    const subject = {
      status: 'DECEASED',
      fullName: 'Paul Schmidt',
      accountEmail: 'paul.schmidt@outlook.com',
      countryOfResidence: 'DE',
      dateOfDeath: '2026-05-02',
    };
    await germanReleaseWithDocuments(server.app.http, { subject }); // open, and it asks for the data
    const closure = await germanReleaseWithDocuments(server.app.http, { subject, requestType: 'CLOSE_ACCOUNT' });
    await request(server.app.http)
      .post(`/api/v1/requests/${closure.reference}/email-confirmation`)
      .send({ code: confirmationCode(server.app.app.get(DocumentCipher), await caseId(closure.reference)) })
      .expect(200);
    const ben = await apiSignIn('ben');
    const detail = async (token: string) =>
      (
        await request(server.app.http)
          .get(`/api/v1/cases/${closure.reference}`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200)
      ).body as CaseDetailBody;
    const act = async (action: string, body: object = {}) =>
      request(server.app.http)
        .post(`/api/v1/cases/${closure.reference}/actions/${action}`)
        .set('Authorization', `Bearer ${ben}`)
        .send({ version: (await detail(ben)).version, ...body })
        .expect(200);
    await act('start-review');
    for (const document of (await detail(ben)).documents) {
      await request(server.app.http)
        .post(`/api/v1/cases/${closure.reference}/documents/${document.id}/verification`)
        .set('Authorization', `Bearer ${ben}`)
        .send({ result: 'ACCEPTED' })
        .expect(200);
    }
    await act('approve');
    // The reviewer may not close it, and is not offered an override.
    expect((await detail(ben)).actions.find((offer) => offer.action === 'fulfil')).toMatchObject({
      allowed: false,
      refusalCode: 'CLOSURE_WHILE_DATA_REQUESTED',
      needsOverride: false,
    });

    const lea = await signIn('lea');
    await lea.goto(`${server.origin}/backoffice/cases/${closure.reference}`);
    await caseState(lea, 'APPROVED');
    const actions = lea.getByRole('region', { name: en.backoffice.actions });
    const reason = actions.getByLabel(field(en.backoffice.overrideReason));
    await reason.waitFor();
    await actions.getByText(/Another open request asks for this account's data/).waitFor();
    // Without a reason the form does not go.
    await actions.getByRole('button', { name: en.backoffice.action.fulfil }).click();
    expect(await actions.locator('textarea:invalid').count()).toBe(1);
    await caseState(lea, 'APPROVED');
    await reason.fill('Court order of 3 November 2026: the account is to be closed now.');
    await screenshot(lea, 'backoffice-override');
    await actions.getByRole('button', { name: en.backoffice.action.fulfil }).click();
    await caseState(lea, 'FULFILLED');
    const audit = (
      await request(server.app.http)
        .get(`/api/v1/cases/${closure.reference}/audit`)
        .set('Authorization', `Bearer ${ben}`)
        .expect(200)
    ).body as { entries: { action: string; actorId: string | null }[] };
    const [override] = audit.entries.filter((entry) => entry.action === 'case.override_used');
    const [{ id: leaId }] = await server.app.dataSource.query<[{ id: string }]>(
      "SELECT id FROM users WHERE email = 'lea@example.org'",
    );
    expect(override.actorId).toBe(leaId);
    await lea.context().close();
  });
});

interface CaseDetailBody {
  version: number;
  documents: { id: string }[];
  actions: { action: string; allowed: boolean; refusalCode: string | null; needsOverride: boolean }[];
}

async function apiSignIn(name: string): Promise<string> {
  const login = await request(server.app.http)
    .post('/api/v1/auth/login')
    .send({ email: `${name}@example.org`, password: PASSWORD })
    .expect(200);
  return (login.body as { token: string }).token;
}

async function caseId(reference: string): Promise<string> {
  const [row] = await server.app.dataSource.query<[{ id: string }]>('SELECT id FROM cases WHERE reference = $1', [
    reference,
  ]);
  return row.id;
}
