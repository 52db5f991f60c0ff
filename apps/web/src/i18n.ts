import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './locales/de.js';
import { en } from './locales/en.js';

export const LANGUAGES = { en: 'English', de: 'Deutsch' } as const;
export type Language = keyof typeof LANGUAGES;

/** The browser's language when we have it, else English; the switch overrides it. */
function initialLanguage(): Language {
  const stored = localStorage.getItem('nok.language');
  const wanted = stored ?? navigator.language.split('-')[0];
  return wanted in LANGUAGES ? (wanted as Language) : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (language) => {
  localStorage.setItem('nok.language', language);
  document.documentElement.lang = language;
});

export default i18next;
