import { describe, expect, it } from '@jest/globals';
import { composeMail, MAIL_KINDS, MAIL_LANGUAGES, mailLanguage } from './mail-composer.js';

const FACTS = {
  requesterName: 'Jonas Keller',
  reference: 'NOK-2026-000123',
  subjectName: 'Anna Keller',
  statusLink: 'https://nok.example/requests/NOK-2026-000123',
  confirmLink: 'https://nok.example/confirm?c=abc',
  confirmCode: 'abc',
  note: 'The Erbschein, please.',
  missing: ['inheritance certificate (Erbschein)'],
  outcome: 'REJECTED' as const,
  reason: 'The certificate names another heir.',
  deadline: '2026-12-31',
  daysLeft: 9,
  fileName: 'Ausweis.pdf',
};

describe('composeMail', () => {
  it.each(MAIL_LANGUAGES.flatMap((language) => MAIL_KINDS.map((kind) => [language, kind] as const)))(
    '%s %s: every string translated, the facts filled in',
    (language, kind) => {
      const mail = composeMail(kind, FACTS, language);
      expect(mail.subject).toContain('NOK-2026-000123');
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(
        /\{\{|\}\}|acknowledgement\.|deficiency\.|decision\.|deadline\.|quarantine\./,
      );
      expect(mail.text).toContain(FACTS.statusLink);
    },
  );

  it('writes the German mail in German and the Chinese one in Chinese', () => {
    expect(composeMail('DECISION', FACTS, 'de').text).toContain('Der Grund: The certificate names another heir.');
    expect(composeMail('DEADLINE', FACTS, 'de').text).toContain('31. Dezember 2026');
    expect(composeMail('DECISION', FACTS, 'zh').subject).toBe('您的申请 NOK-2026-000123 未能获得批准');
    expect(composeMail('QUARANTINE', FACTS, 'de').text).toContain('die Datei „Ausweis.pdf“');
  });

  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['zh-Hant', 'zh'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['fr', 'en'],
  ])('writes to %s in %s', (tag, language) => {
    expect(mailLanguage(tag)).toBe(language);
  });
});
