/** The REST API as the portal uses it. Errors carry the server's problem detail, which is written for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body && typeof init.body === 'string') headers.set('content-type', 'application/json');
  if (init.method === 'POST') headers.set('idempotency-key', crypto.randomUUID());
  const response = await fetch(path, { ...init, headers });
  const body: unknown = response.status === 204 ? undefined : await response.json();
  if (!response.ok) throw new ApiError(response.status, (body as { detail?: string }).detail ?? response.statusText);
  return body as T;
}

/** An upload with progress (fetch cannot report it): resolves with the document, or the refusal's words. */
export function upload(
  path: string,
  token: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('idempotency-key', crypto.randomUUID());
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}') as { detail?: string };
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(new ApiError(request.status, body.detail ?? request.statusText));
    };
    request.onerror = () => reject(new ApiError(0, 'network'));
    request.send(form);
  });
}

export interface ChecklistNode {
  kind: 'ALL_OF' | 'ONE_OF' | 'DOCUMENT';
  label: string;
  status: 'SATISFIED' | 'PENDING_VERIFICATION' | 'REJECTED' | 'MISSING';
  documentType?: string;
  children?: ChecklistNode[];
}

export interface RequestStatus {
  reference: string;
  state: string;
  requestType: string;
  checklist: { satisfied: boolean; missing: string[]; root: ChecklistNode };
  documents: { id: string; type: string; fileName: string; verification: string; rejectionReason: string | null }[];
  decision: { outcome: string; reason: string } | null;
  deadlines: {
    known: boolean;
    next: { kind: string | null; date: string | null; daysLeft: number | null; held: boolean };
  };
  emailConfirmed: boolean;
}

/** A text field of a submitted form ('' when absent). */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
