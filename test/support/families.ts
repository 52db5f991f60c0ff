import request from 'supertest';
import type { App } from 'supertest/types.js';
import { pdf, validRequest } from './fixtures.js';

/** Someone who calls the API with a bearer token: each call carries it (the token as it is at that moment). */
export interface Caller {
  readonly token: string;
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  delete(path: string): request.Test;
}

/** A caller whose token `token()` gives at the time of each call (a session can be renewed). */
export function callerWith(http: App, token: () => string): Caller {
  const bearer = (test: request.Test) => test.set('Authorization', `Bearer ${token()}`);
  return {
    get token() {
      return token();
    },
    get: (path) => bearer(request(http).get(path)),
    post: (path) => bearer(request(http).post(path)),
    put: (path) => bearer(request(http).put(path)),
    delete: (path) => bearer(request(http).delete(path)),
  };
}

export interface SubmittedRequest {
  reference: string;
  accessToken: string;
}

/** A family that sent a request: it calls the API with the access token it was given. */
export interface Family extends SubmittedRequest, Caller {
  /** The body of the 201 answer to the request (state, checklist, deadlines…). */
  body: Record<string, unknown>;
  /** Sends a document of `type` (by default a PDF that names its type, as scan.pdf); expect the status yourself. */
  upload(type: string, file?: Buffer, fileName?: string): request.Test;
  /** GET /api/v1/requests/{reference}: what the family sees of its request; expect the status yourself. */
  status(): request.Test;
  /** POST /api/v1/requests/{reference}/withdrawal; expect the status yourself. */
  withdraw(): request.Test;
}

/** A family submits `validRequest(overrides)` (with an Idempotency-Key if given), and is answered 201. */
export async function submitRequest(
  http: App,
  overrides: Record<string, unknown> = {},
  options: { idempotencyKey?: string } = {},
): Promise<Family> {
  const submit = request(http).post('/api/v1/requests');
  if (options.idempotencyKey) submit.set('Idempotency-Key', options.idempotencyKey);
  const body = (await submit.send(validRequest(overrides)).expect(201)).body as SubmittedRequest &
    Record<string, unknown>;
  const { reference, accessToken } = body;
  const family = callerWith(http, () => accessToken);
  return Object.assign(family, {
    reference,
    accessToken,
    body,
    upload: (type: string, file = pdf(type), fileName = 'scan.pdf') =>
      family.post(`/api/v1/requests/${reference}/documents`).field('type', type).attach('file', file, fileName),
    status: () => family.get(`/api/v1/requests/${reference}`),
    withdraw: () => family.post(`/api/v1/requests/${reference}/withdrawal`),
  });
}

/** The four documents a German release needs (domain.md §2), as tiny PDFs. */
export const GERMAN_RELEASE_DOCUMENTS = ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE', 'REQUESTER_ID'];

/** A family submits a German release (with `overrides`) and sends its four documents: ready for review. */
export async function germanReleaseWithDocuments(http: App, overrides: Record<string, unknown> = {}): Promise<Family> {
  const family = await submitRequest(http, overrides);
  for (const type of GERMAN_RELEASE_DOCUMENTS) await family.upload(type).expect(201);
  return family;
}
