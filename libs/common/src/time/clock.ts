/** The only source of "now". Injected so tests can move time; rules take dates as arguments. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in UTC, as YYYY-MM-DD. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
