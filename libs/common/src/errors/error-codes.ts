import { HttpStatus } from '@nestjs/common';

/**
 * Every refusal the product can give, with the HTTP status it maps to and the title a person reads.
 * Codes are stable: clients and tests match on them, never on titles or details.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: HttpStatus.BAD_REQUEST, title: 'The request is not valid' },
  MALFORMED_JSON: { status: HttpStatus.BAD_REQUEST, title: 'The request body is not valid JSON' },
  MULTIPART_INVALID: { status: HttpStatus.BAD_REQUEST, title: 'The upload form is not valid' },
  FILE_MISSING: { status: HttpStatus.BAD_REQUEST, title: 'No file was sent' },
  FILE_EMPTY: { status: HttpStatus.BAD_REQUEST, title: 'The file is empty' },
  UNAUTHENTICATED: { status: HttpStatus.UNAUTHORIZED, title: 'Credentials are missing or wrong' },
  FORBIDDEN: { status: HttpStatus.FORBIDDEN, title: 'You may not do this' },
  NOT_FOUND: { status: HttpStatus.NOT_FOUND, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: HttpStatus.METHOD_NOT_ALLOWED, title: 'Method not allowed' },
  CASE_NOT_OPEN: { status: HttpStatus.CONFLICT, title: 'The request is no longer open' },
  FILE_TOO_LARGE: { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'The file is too large' },
  BODY_TOO_LARGE: { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'The request body is too large' },
  FILE_TYPE_NOT_ALLOWED: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'This kind of file is not accepted',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'The request body has the wrong content type',
  },
  DOCUMENT_LIMIT_REACHED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'This request already has the most documents allowed',
  },
  STALE_VERSION: { status: HttpStatus.CONFLICT, title: 'The case changed since you loaded it' },
  IDEMPOTENCY_IN_PROGRESS: {
    status: HttpStatus.CONFLICT,
    title: 'A request with this Idempotency-Key is still being processed',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'This Idempotency-Key was used with a different request',
  },
  // Refusals of the case state machine (libs/cases/src/state-machine): each names the rule.
  NOT_ALLOWED_IN_STATE: { status: HttpStatus.CONFLICT, title: 'The case is not in a state that allows this' },
  DOCUMENT_NOT_SCANNED: { status: HttpStatus.CONFLICT, title: 'The document is waiting for its malware scan' },
  DOCUMENT_QUARANTINED: { status: HttpStatus.CONFLICT, title: 'The document was quarantined: it carries malware' },
  ROLE_NOT_ALLOWED: { status: HttpStatus.FORBIDDEN, title: 'Your role does not allow this' },
  CHECKLIST_NOT_SATISFIED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Every required document must be accepted first',
  },
  SECOND_APPROVAL_BY_SAME_PERSON: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The second approval must come from someone else',
  },
  SECOND_APPROVAL_NEEDS_LEGAL: { status: HttpStatus.FORBIDDEN, title: 'The second approval is given by a legal user' },
  REASON_REQUIRED: { status: HttpStatus.UNPROCESSABLE_ENTITY, title: 'A reason in words is required' },
  UNKNOWN_REASON_CODE: { status: HttpStatus.UNPROCESSABLE_ENTITY, title: 'The reason code is not in the catalogue' },
  APPEAL_WINDOW_CLOSED: { status: HttpStatus.UNPROCESSABLE_ENTITY, title: 'The time to appeal has passed' },
  APPEAL_NEEDS_ANOTHER_REVIEWER: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'An appeal is reviewed by someone who did not decide the case',
  },
  CLOSURE_WHILE_DATA_REQUESTED: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Another open request asks for this account’s data',
  },
  NOT_YET_EXPIRED: { status: HttpStatus.UNPROCESSABLE_ENTITY, title: 'The case has not waited long enough to expire' },
  RATE_LIMITED: { status: HttpStatus.TOO_MANY_REQUESTS, title: 'Too many requests' },
  SERVICE_UNAVAILABLE: { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'Service unavailable' },
  // No database connection came free in time: the request did nothing; Retry-After says when to try again.
  SERVICE_BUSY: { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'The server is busy' },
  INTERNAL: { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: HttpStatus; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The problem `type` URI for a code: stable, and distinct per code (RFC 9457 §3.1.1). */
export function problemType(code: ErrorCode): string {
  return `urn:next-of-kin:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
