import { describe, expect, it } from '@jest/globals';
import { daysBetween, plusDays, plusYears } from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', 1, '2025-03-01'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-28', 1, '2025-02-28'],
    ['2025-12-31', 2, '2027-12-31'],
  ])('%s plus %i years is %s', (date, years, expected) => expect(plusYears(date, years)).toBe(expected));

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 60, '2026-05-27'],
  ])('%s plus %i days is %s', (date, days, expected) => expect(plusDays(date, days)).toBe(expected));

  it('counts days across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2024-02-01', '2024-04-01')).toBe(60);
    expect(daysBetween('2026-11-22', '2026-10-23')).toBe(-30);
  });
});
