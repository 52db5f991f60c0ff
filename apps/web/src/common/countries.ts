import countries from 'i18n-iso-countries';

const CODES = Object.keys(countries.getAlpha2Codes());

/** Every ISO 3166-1 alpha-2 country, named in the reader's language (by the browser's own Intl data). */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    a.label.localeCompare(b.label, language),
  );
}
