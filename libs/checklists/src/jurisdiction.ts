import type { Jurisdiction } from '@app/common';

/**
 * Jurisdiction resolution from the subject's country of residence (domain.md §2).
 *
 * EU/EEA members, ISO 3166-1 alpha-2. Sources: the EU's 27 member states
 * (https://european-union.europa.eu/principles-countries-history/eu-countries_en) and the EEA
 * agreement's EFTA states Iceland, Liechtenstein and Norway (https://www.efta.int/eea).
 * Germany is listed, but has its own checklist and so resolves to DE first.
 */
export const EU_EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);

/** The jurisdictions themselves are api.md vocabulary (libs/common), shared with the web UI. */
export { JURISDICTIONS, type Jurisdiction } from '@app/common';

export function resolveJurisdiction(countryOfResidence: string): Jurisdiction {
  const country = countryOfResidence.toUpperCase();
  if (country === 'DE') return 'DE';
  if (country === 'CN') return 'CN';
  if (EU_EEA_COUNTRIES.has(country)) return 'EU';
  return 'DEFAULT';
}
