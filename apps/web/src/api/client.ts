import createClient from 'openapi-fetch';
import type { DocumentView, paths } from './openapi.js';

/**
 * The REST API for both UIs, typed by the OpenAPI document (`npm run openapi` writes openapi.d.ts).
 * Errors carry the server's problem detail, which is written for people.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CSRF_KEY = 'nok.csrf';

/** The back office's CSRF token, from its login; sent back with every change it makes. */
export const csrfToken = {
  keep: (token: string) => sessionStorage.setItem(CSRF_KEY, token),
  forget: () => sessionStorage.removeItem(CSRF_KEY),
};

// Same origin: the back office signs in with the session cookie; the family's calls carry their token.
export const client = createClient<paths>({ credentials: 'same-origin' });

client.use({
  onRequest({ request }) {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (request.method !== 'GET' && csrf) request.headers.set('x-csrf-token', csrf);
    // A retried POST is then answered once (the server replays the first answer for the same key).
    if (request.method === 'POST') request.headers.set('idempotency-key', crypto.randomUUID());
    return request;
  },
});

/** The family's access token, for the calls about their request. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What a call answered; a refusal or failure is thrown as an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problem(response.status, error, response.statusText);
  return data as T;
}

/** An upload with progress (fetch cannot report it): resolves with the document, or the refusal's words. */
export function upload(
  reference: string,
  token: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<DocumentView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/requests/${encodeURIComponent(reference)}/documents`);
    request.setRequestHeader('authorization', bearer(token).authorization);
    request.setRequestHeader('idempotency-key', crypto.randomUUID());
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body: unknown = JSON.parse(request.responseText || '{}');
      if (request.status >= 200 && request.status < 300) resolve(body as DocumentView);
      else reject(problem(request.status, body, request.statusText));
    };
    request.onerror = () => reject(new ApiError(0, 'network'));
    request.send(form);
  });
}

/** An RFC 9457 problem document's `detail`, or the status text when the body is not one. */
function problem(status: number, body: unknown, fallback: string): ApiError {
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? body.detail : undefined;
  return new ApiError(status, typeof detail === 'string' ? detail : fallback);
}
