import type { CaseState, DocumentType, EventState, RequestType, ServedVia, TimelineEventKind } from '@vocabulary';

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

export type ItemStatus = 'SATISFIED' | 'PENDING_VERIFICATION' | 'REJECTED' | 'MISSING';

/** A node of an evaluated checklist (api.md EvaluatedChecklist). */
export interface ChecklistNode {
  kind: 'ALL_OF' | 'ONE_OF' | 'DOCUMENT';
  label: string;
  status: ItemStatus;
  documentType?: DocumentType;
  conditions?: { code: string; label: string }[];
  documentIds?: string[];
  reasons?: string[];
  children?: ChecklistNode[];
}

export interface EvaluatedChecklist {
  satisfied: boolean;
  allProvided: boolean;
  version: string;
  root: ChecklistNode;
  missing: string[];
  notRequiredDocumentIds: string[];
}

export interface DocumentSummary {
  id: string;
  type: DocumentType;
  servedVia: ServedVia | null;
  fileName: string;
  mediaType: string;
  size: number;
  verification: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  rejectionReason: string | null;
  uploadedAt: string;
  /** The malware scan; reviewers open only CLEAN or NOT_SCANNED documents. */
  scan: 'PENDING' | 'CLEAN' | 'INFECTED' | 'NOT_SCANNED';
  readable: boolean;
}

export interface DeadlineSummary {
  status: 'UNKNOWN' | 'UPCOMING' | 'STOPPED' | 'NONE';
  kind: TimelineEventKind | null;
  date: string | null;
  daysLeft: number | null;
  held: boolean;
}

export type { EventState, TimelineEventKind } from '@vocabulary';

export interface Decision {
  outcome: 'APPROVED' | 'REJECTED';
  reasonCode: string | null;
  reason: string;
  decidedAt: string;
}

/** GET /api/v1/requests/{reference}: what the family sees of its request. */
export interface RequestStatus {
  reference: string;
  state: CaseState;
  requestType: RequestType;
  checklist: EvaluatedChecklist;
  documents: DocumentSummary[];
  decision: Decision | null;
  deadlines: {
    known: boolean;
    asOf: string;
    next: DeadlineSummary;
    events: { kind: TimelineEventKind; date: string | null; state: EventState; heldByYourRequest: boolean }[];
    hold: { since: string; lapsesOn: string | null } | null;
    uncertaintyDays: number;
  };
  notice: { note: string; items: string[]; at: string } | null;
  history: { state: CaseState; at: string }[];
  emailConfirmed: boolean;
  acceptsDocuments: boolean;
  canWithdraw: boolean;
  appealUntil: string | null;
}

/** A text field of a submitted form ('' when absent). */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
