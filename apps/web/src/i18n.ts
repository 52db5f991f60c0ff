import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './locales/da.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { nb } from './locales/nb.js';
import { nl } from './locales/nl.js';
import { zh } from './locales/zh.js';

export const LANGUAGES = {
  en: 'English',
  nl: 'Nederlands',
  da: 'Dansk',
  de: 'Deutsch',
  nb: 'Norsk bokmål',
  zh: '中文',
} as const;
export type Language = keyof typeof LANGUAGES;

/** The browser's language when we have it, else English; the switch overrides it. */
function initialLanguage(): Language {
  const stored = localStorage.getItem('nok.language');
  const browser = navigator.language.split('-')[0];
  const wanted = stored ?? (browser === 'no' || browser === 'nn' ? 'nb' : browser);
  return wanted in LANGUAGES ? (wanted as Language) : 'en';
}

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(
    Object.entries({ en, nl, da, de, nb, zh }).map(([language, messages]) => [language, { translation: messages }]),
  ),
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18next.language;

i18next.on('languageChanged', (language) => {
  localStorage.setItem('nok.language', language);
  document.documentElement.lang = language;
});

export default i18next;
