import i18next, { type i18n } from 'i18next';
import { da } from './locales/da.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { nb } from './locales/nb.js';
import { nl } from './locales/nl.js';
import { zh } from './locales/zh.js';

export const MAIL_LANGUAGES = ['en', 'nl', 'da', 'de', 'nb', 'zh'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const MAIL_KINDS = ['ACKNOWLEDGEMENT', 'DEFICIENCY', 'DECISION', 'DEADLINE', 'QUARANTINE'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

const translations: i18n = i18next.createInstance();
void translations.init({
  resources: Object.fromEntries(
    Object.entries({ en, nl, da, de, nb, zh }).map(([language, messages]) => [language, { translation: messages }]),
  ),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // plain-text mail
  initAsync: false,
});

/** The mail language for a BCP 47 tag: `de-AT` → de, `no`/`nn` → nb, `zh-Hant` → zh, anything else → en. */
export function mailLanguage(tag: string): MailLanguage {
  const base = tag.toLowerCase().split('-')[0];
  if (base === 'no' || base === 'nn') return 'nb';
  return MAIL_LANGUAGES.find((language) => language === base) ?? 'en';
}

export interface MailFacts {
  requesterName: string;
  reference: string;
  subjectName: string;
  statusLink: string;
  /** ACKNOWLEDGEMENT */
  confirmLink?: string;
  confirmCode?: string;
  /** DEFICIENCY */
  note?: string;
  missing?: string[];
  /** DECISION */
  outcome?: 'APPROVED' | 'REJECTED';
  reason?: string;
  /** ACKNOWLEDGEMENT of a request that holds the data: the day its hold ends unless the address is confirmed */
  holdEndsOn?: string;
  holdDays?: number;
  /** DEADLINE */
  deadline?: string;
  daysLeft?: number;
  /** QUARANTINE: the name the file was sent under */
  fileName?: string;
}

/** A plain-text message to a family, in their language; every string comes from the translation files. */
export function composeMail(
  kind: MailKind,
  facts: MailFacts,
  language: MailLanguage,
): { subject: string; text: string } {
  const t = translations.getFixedT(language);
  const values = { ...facts, name: facts.requesterName, subject: facts.subjectName };
  const lines = (...paragraphs: string[]): string =>
    [
      t('greeting', values),
      '',
      ...paragraphs.flatMap((paragraph) => [paragraph, '']),
      t('status', { link: facts.statusLink }),
      '',
      t('signature'),
    ].join('\n');
  switch (kind) {
    case 'ACKNOWLEDGEMENT':
      return {
        subject: t('acknowledgement.subject', values),
        text: lines(
          t('acknowledgement.received', values),
          `${t('acknowledgement.confirm')}\n${facts.confirmLink ?? ''}`,
          // The code alone on its line: mail encodings wrap long lines, and people copy it.
          `${t('acknowledgement.code')}\n${facts.confirmCode ?? ''}`,
          ...(facts.holdEndsOn
            ? [
                t('acknowledgement.holdEnds', {
                  days: facts.holdDays,
                  date: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
                    new Date(`${facts.holdEndsOn}T00:00:00Z`),
                  ),
                }),
              ]
            : []),
        ),
      };
    case 'DEFICIENCY':
      return {
        subject: t('deficiency.subject', values),
        text: lines(
          `${t('deficiency.intro', values)}\n${facts.note ?? ''}`,
          t('deficiency.missing', { items: (facts.missing ?? []).join('; ') }),
        ),
      };
    case 'DECISION':
      return facts.outcome === 'APPROVED'
        ? { subject: t('decision.approvedSubject', values), text: lines(t('decision.approved', values)) }
        : {
            subject: t('decision.rejectedSubject', values),
            text: lines(t('decision.rejected', values), t('decision.appeal')),
          };
    case 'QUARANTINE':
      return {
        subject: t('quarantine.subject', values),
        text: lines(t('quarantine.body', { ...values, file: facts.fileName ?? '' }), t('quarantine.act')),
      };
    case 'DEADLINE':
      return {
        subject: t('deadline.subject', values),
        text: lines(
          t('deadline.body', {
            ...values,
            date: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
              new Date(`${facts.deadline ?? ''}T00:00:00Z`),
            ),
            days: facts.daysLeft,
          }),
          t('deadline.act'),
        ),
      };
  }
}
