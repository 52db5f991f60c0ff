import { ERROR_CATALOGUE, type ErrorCode } from './error-codes.js';

export interface FieldError {
  field: string;
  message: string;
}

/** A refusal with a stable code; the problem-details filter turns it into an RFC 9457 response. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainException';
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  static invalid(errors: FieldError[]): DomainException {
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new DomainException('VALIDATION_FAILED', detail, errors);
  }
}
