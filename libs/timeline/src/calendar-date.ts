/** A calendar date, `YYYY-MM-DD`, with no time and no zone: the unit of every account clock. */
export type CalendarDate = string;

const DAY_MS = 86_400_000;

// Plain Date.UTC arithmetic rather than date-fns: the sweep computes a million timelines, and
// date-fns with UTCDate cost 25–30 µs a timeline (half a minute a million) against 7 µs with these.

function parts(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))];
}

function format(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function epochMs(date: CalendarDate): number {
  const [year, month, day] = parts(date);
  return Date.UTC(year, month, day);
}

export function plusDays(date: CalendarDate, days: number): CalendarDate {
  return format(epochMs(date) + days * DAY_MS);
}

/**
 * Calendar years, as domain.md §3 counts them: 29 February rolls to 1 March where the later year
 * has none (Date.UTC overflows 29 February into 1 March by itself).
 */
export function plusYears(date: CalendarDate, years: number): CalendarDate {
  const [year, month, day] = parts(date);
  return format(Date.UTC(year + years, month, day));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((epochMs(to) - epochMs(from)) / DAY_MS);
}

/** The UTC calendar date of an instant. */
export function calendarDateOf(instant: Date | string): CalendarDate {
  return typeof instant === 'string' ? instant.slice(0, 10) : format(instant.getTime());
}

export function earliest(dates: readonly (CalendarDate | null)[]): CalendarDate | null {
  let found: CalendarDate | null = null;
  for (const date of dates) if (date !== null && (found === null || date < found)) found = date;
  return found;
}
