import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { MailDispatcher } from '@app/notifications';
import { cli } from '../support/cli.js';
import { family, familyWithDocuments, GERMAN_RELEASE_DOCUMENTS, people } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A real SMTP server on this machine, keeping every message it is given. */
const inbox: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, done) {
    simpleParser(stream).then(
      (mail) => {
        inbox.push(mail);
        done();
      },
      (error: unknown) => done(error as Error),
    );
  },
});

let t: TestApp;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${String(port)}`, REQUIRE_EMAIL_VERIFICATION: true });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const send = () => t.app.get(MailDispatcher).runOnce();
const submit = (overrides: Record<string, unknown> = {}) => family(t, overrides);
const mailTo = (reference: string): ParsedMail | undefined => inbox.find((mail) => mail.subject?.includes(reference));
const codeIn = (mail: ParsedMail): string => /([A-Za-z0-9_-]{43})\s*$/m.exec(mail.text ?? '')?.[1] ?? '';

describe('requester e-mail', () => {
  it('reaches a German requester in German, through SMTP, with the code that confirms the address', async () => {
    const requester = await submit();
    const { reference } = requester;
    expect(await send()).toMatchObject({ sent: 1 });
    const mail = mailTo(reference);
    expect(mail?.subject).toBe(`Ihr Antrag ${reference}: Bitte bestätigen Sie Ihre E-Mail-Adresse`);
    expect(mail?.to).toMatchObject({ text: 'jonas@example.org' });
    expect(mail?.text).toContain('Guten Tag Jonas Keller,');
    expect(mail?.text).toContain('zum Konto von Anna Keller erhalten');
    // The hold of an unconfirmed request ends after UNCONFIRMED_HOLD_DAYS: the family is told so.
    expect(mail?.text).toMatch(
      /Bestätigen Sie Ihre Adresse innerhalb von 7 Tagen, sonst endet die Bewahrung der Daten des Kontos am \d+\. \S+ \d{4}\./,
    );
    expect(mail?.headers.get('content-language')).toBe('de');

    await request(t.http)
      .post(`/api/v1/requests/${reference}/email-confirmation`)
      .send({ code: 'A'.repeat(43) })
      .expect(404);
    const confirmed = await request(t.http)
      .post(`/api/v1/requests/${reference}/email-confirmation`)
      .send({ code: codeIn(mail as ParsedMail) })
      .expect(200);
    expect(confirmed.body).toEqual({ reference, state: 'AWAITING_DOCUMENTS', emailConfirmed: true });
    const status = await requester.status().expect(200);
    expect((status.body as { emailConfirmed: boolean }).emailConfirmed).toBe(true);
  });

  it('reaches a Chinese requester in Chinese', async () => {
    const { reference } = await submit({
      subject: {
        status: 'DECEASED',
        fullName: '王芳',
        accountEmail: 'wang.fang@outlook.com',
        countryOfResidence: 'CN',
        dateOfDeath: '2026-05-01',
      },
      requester: {
        fullName: '王伟',
        email: 'wang.wei@example.cn',
        relationship: 'CHILD',
        countryOfResidence: 'CN',
        language: 'zh-Hans',
      },
    });
    await send();
    const mail = mailTo(reference);
    expect(mail?.subject).toBe(`您的申请 ${reference}：请确认您的电子邮件地址`);
    expect(mail?.text).toContain('我们已收到您关于 王芳 账户的申请');
  });

  it('sends a case to review only once the address is confirmed', async () => {
    const requester = await familyWithDocuments(t);
    const { reference } = requester;
    const waiting = await requester.status().expect(200);
    expect((waiting.body as { state: string }).state).toBe('AWAITING_DOCUMENTS');
    await send();
    const confirmed = await request(t.http)
      .post(`/api/v1/requests/${reference}/email-confirmation`)
      .send({ code: codeIn(mailTo(reference) as ParsedMail) })
      .expect(200);
    expect((confirmed.body as { state: string }).state).toBe('READY_FOR_REVIEW');
  });

  it('sends each message once, and later when the SMTP server was away', async () => {
    expect(await send()).toMatchObject({ sent: 0 });
    const offline = await createTestApp({
      DATABASE_URL: t.config.DATABASE_URL,
      DOCUMENT_MASTER_KEY: t.config.DOCUMENT_MASTER_KEY,
      SMTP_URL: 'smtp://127.0.0.1:1', // nothing listens there
    });
    try {
      const { reference } = await submit();
      expect(await offline.app.get(MailDispatcher).runOnce()).toMatchObject({ sent: 0, retrying: 1 });
      expect(mailTo(reference)).toBeUndefined();
      await t.dataSource.query(`UPDATE mail_messages SET next_attempt_at = now() WHERE status = 'PENDING'`);
      expect(await send()).toMatchObject({ sent: 1 });
      expect(mailTo(reference)).toBeDefined();
    } finally {
      await offline.close();
    }
  });
});

describe('notices and decisions', () => {
  it('tell the family what is missing and then the decision with its reason, in their language', async () => {
    const { reviewer } = await people(t, { cast: { rita: 'reviewer' } });
    const requester = await submit();
    const { reference } = requester;
    const upload = (type: string) => requester.upload(type).expect(201);
    for (const type of GERMAN_RELEASE_DOCUMENTS) await upload(type);
    await send();
    await request(t.http)
      .post(`/api/v1/requests/${reference}/email-confirmation`)
      .send({ code: codeIn(mailTo(reference) as ParsedMail) })
      .expect(200);
    const act = async (action: string, body: object) => {
      const { version } = (await reviewer.get(`/api/v1/cases/${reference}`).expect(200)).body as { version: number };
      await reviewer
        .post(`/api/v1/cases/${reference}/actions/${action}`)
        .send({ version, ...body })
        .expect(200);
    };
    await act('start-review', {});
    await act('request-info', { note: 'Bitte senden Sie den Erbschein.' });
    await send();
    const notice = inbox.find((mail) => mail.subject === `Ihr Antrag ${reference}: Wir benötigen noch etwas von Ihnen`);
    expect(notice?.text).toContain('Bitte senden Sie den Erbschein.');
    expect(notice?.text).toContain('Es fehlt noch:');
    await upload('INHERITANCE_CERTIFICATE'); // the family answers: ready for review again
    await act('start-review', {});
    await act('reject', { reasonCode: 'NOT_ENTITLED', note: 'Der Erbschein nennt eine andere Erbin.' });
    await send();
    const decision = inbox.find((mail) => mail.subject === `Ihr Antrag ${reference} konnte nicht genehmigt werden`);
    expect(decision?.text).toContain('Der Grund: Der Erbschein nennt eine andere Erbin.');
    expect(decision?.text).toContain('innerhalb von 30 Tagen');
  });
});

describe('without SMTP', () => {
  it('writes the messages to the mailbox folder for a developer to read', async () => {
    const local = await createTestApp();
    try {
      await family(local);
      await local.app.get(MailDispatcher).runOnce();
      const folder = join(local.config.DATA_DIR, 'mailbox');
      const [file] = await readdir(folder);
      const mail = await simpleParser(await readFile(join(folder, file)));
      expect(mail.subject).toMatch(/^Ihr Antrag NOK-\d{4}-\d{6}: Bitte bestätigen Sie Ihre E-Mail-Adresse$/);
      const printed = await cli(['mailbox'], { DATA_DIR: local.config.DATA_DIR });
      expect(printed.code).toBe(0);
      expect(printed.out).toContain(`Subject: ${mail.subject ?? ''}`);
      expect(printed.out).toMatch(/^[A-Za-z0-9_-]{43}$/m); // the code, on its own line
    } finally {
      await local.close();
    }
  });
});
