import type { CaseState, Jurisdiction, RequestType, ReviewerAction } from '@vocabulary';
import type {
  Decision,
  DeadlineSummary,
  DocumentSummary,
  EvaluatedChecklist,
  EventState,
  TimelineEventKind,
} from '../api.js';

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
  if (!response.ok) throw new StaffError(response.status, (body as { detail?: string }).detail ?? response.statusText);
  return body as T;
}

export class StaffError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SlaClock {
  status: 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'STOPPED';
  dueAt: string | null;
  metAt: string | null;
  nearBreach: boolean;
  usedMs: number;
  budgetMs: number;
}
export interface SlaClocks {
  firstReview: SlaClock;
  decision: SlaClock;
}

export interface Timeline {
  asOf: string;
  status: string;
  events: { kind: TimelineEventKind; date: string | null; state: EventState; stoppedBy: string[] }[];
  exceptions: string[];
  holds: { caseReference: string; since: string }[];
  uncertaintyDays: number;
}

export interface QueueItem {
  reference: string;
  state: CaseState;
  requestType: RequestType;
  jurisdiction: Jurisdiction;
  assigneeId: string | null;
  createdAt: string;
  deadline: DeadlineSummary;
  sla: SlaClocks;
  escalatedAt: string | null;
}

export interface ActionOption {
  action: ReviewerAction;
  allowed: boolean;
  refusalCode: string | null;
  refusal: string | null;
  /** Allowed only by overriding the refusal's rule, with a reason. */
  needsOverride: boolean;
}

export interface CaseDetail {
  reference: string;
  version: number;
  state: CaseState;
  requestType: RequestType;
  jurisdiction: Jurisdiction;
  subject: {
    status: string;
    fullName: string;
    accountEmail: string;
    countryOfResidence: string;
    dateOfDeath: string | null;
  };
  requester: { fullName: string; email: string; relationship: string; countryOfResidence: string; language: string };
  assigneeId: string | null;
  firstApproverId: string | null;
  checklist: EvaluatedChecklist;
  documents: DocumentSummary[];
  decision: Decision | null;
  history: { state: CaseState; at: string }[];
  sla: SlaClocks;
  createdAt: string;
  notes: { id: string; authorId: string; body: string; createdAt: string }[];
  linkedCases: { reference: string; state: CaseState; requestType: RequestType }[];
  actions: ActionOption[];
  deadline: DeadlineSummary;
  escalatedAt: string | null;
  timeline: Timeline | null;
}

export interface AuditTrail {
  entries: {
    seq: number;
    at: string;
    actorType: string;
    actorId: string | null;
    action: string;
    details: Record<string, unknown>;
  }[];
}

export interface StaffMember {
  id: string;
  email: string;
  role: 'reviewer' | 'legal' | 'admin';
  active: boolean;
}
