import type { ValidationError } from 'class-validator';
import { DomainException, type FieldError } from './domain-exception.js';

/** Flattens class-validator's tree into `subject.accountEmail`-style field errors. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property \S+ /, 'this field '),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): DomainException {
  return DomainException.invalid(flattenValidationErrors(errors));
}
