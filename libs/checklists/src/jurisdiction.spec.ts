import { EU_EEA_COUNTRIES, resolveJurisdiction } from './jurisdiction.js';

describe('resolveJurisdiction', () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    ['CN', 'CN'],
    ['NL', 'EU'],
    ['DK', 'EU'],
    ['IE', 'EU'],
    ['NO', 'EU'], // EEA
    ['IS', 'EU'],
    ['LI', 'EU'],
    ['CH', 'DEFAULT'], // EFTA but not EEA
    ['GB', 'DEFAULT'],
    ['US', 'DEFAULT'],
    ['HK', 'DEFAULT'],
  ])('%s → %s', (country, jurisdiction) => {
    expect(resolveJurisdiction(country)).toBe(jurisdiction);
  });

  it('knows the 27 EU members and 3 EEA states', () => {
    expect(EU_EEA_COUNTRIES.size).toBe(30);
  });
});
