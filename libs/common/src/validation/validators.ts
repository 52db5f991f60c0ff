import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be a date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
}

export function isCalendarDate(value: string): boolean {
  // Year 0000 is 1 BC, which PostgreSQL's date refuses (an insert then failed as a 500).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A well-formed BCP 47 language tag, such as `de`, `nb-NO` or `zh-Hans`. */
export function IsBcp47Tag(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBcp47Tag',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be a language tag such as en, de or zh-Hans', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 35) return false;
          try {
            return Intl.getCanonicalLocales(value).length === 1;
          } catch {
            return false;
          }
        },
      },
    });
}

/** The property may be set only when `applies(dto)` holds. */
export function AllowedOnlyWhen(applies: (dto: object) => boolean, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'allowedOnlyWhen',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: {
        validate: (value: unknown, args) => value === undefined || (args !== undefined && applies(args.object)),
      },
    });
}
