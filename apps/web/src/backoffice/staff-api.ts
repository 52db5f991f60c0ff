/** The back office talks to the API with the session cookie; changes carry the CSRF token from login. */
export async function staff<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers = new Headers();
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const csrf = sessionStorage.getItem('nok.csrf');
  if (init.method && init.method !== 'GET' && csrf) headers.set('x-csrf-token', csrf);
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  const body: unknown = response.status === 204 ? undefined : await response.json();
  if (!response.ok)
    throw Object.assign(new Error((body as { detail?: string }).detail ?? response.statusText), {
      status: response.status,
    });
  return body as T;
}

/** What a case shows of its subject's clock (DeadlineSummaryView on the server). */
export interface DeadlineSummary {
  status: string;
  kind: string | null;
  date: string | null;
  daysLeft: number | null;
  held: boolean;
}

export interface QueueItem {
  reference: string;
  state: string;
  requestType: string;
  jurisdiction: string;
  deadline: DeadlineSummary;
  sla: Record<string, { status: string; dueAt: string | null }>;
  notes: { id: string; body: string; createdAt: string }[];
  linkedCases: { reference: string; state: string; requestType: string }[];
  timeline: {
    asOf: string;
    events: { kind: string; date: string | null; state: string; stoppedBy: string[] }[];
    holds: { caseReference: string; since: string }[];
  } | null;
}

export interface AuditTrail {
  entries: { seq: number; at: string; actorType: string; action: string }[];
}

export interface CaseDetail {
  reference: string;
  version: number;
  state: string;
  requestType: string;
  jurisdiction: string;
  subject: { fullName: string; accountEmail: string };
  requester: { fullName: string; email: string; relationship: string };
  documents: { id: string; type: string; fileName: string; mediaType: string; verification: string }[];
  checklist: { satisfied: boolean; missing: string[] };
  deadline: DeadlineSummary;
  sla: Record<string, { status: string; dueAt: string | null }>;
  notes: { id: string; body: string; createdAt: string }[];
  linkedCases: { reference: string; state: string; requestType: string }[];
  timeline: {
    asOf: string;
    events: { kind: string; date: string | null; state: string; stoppedBy: string[] }[];
    holds: { caseReference: string; since: string }[];
  } | null;
}

export interface AuditTrail {
  entries: { seq: number; at: string; actorType: string; action: string }[];
}
