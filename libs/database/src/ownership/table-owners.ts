/**
 * Who writes each table: the one file whose SQL may change it, and the files of the same library
 * that may read it in a join (a read model). Checked by table-owners.spec.ts against every source
 * file, so this list and the code cannot drift apart. docs/architecture.md explains the rule.
 */
export interface TableOwner {
  /** The repository file that holds the table's SQL (paths from the repository root). */
  owner: string;
  /** Files of the owner's library that join the table in a read or a lock, never writing it. */
  readers?: readonly string[];
}

const CASES = 'libs/cases/src/cases.repository.ts';
const CASE_DEADLINES = 'libs/cases/src/deadlines/case-deadlines.repository.ts';
const CASE_QUEUE = 'libs/cases/src/review/case-queue.ts';
const TIMELINE = 'libs/timeline/src/timeline.repository.ts';
const MAIL_MESSAGES = 'libs/notifications/src/mail/mail-messages.repository.ts';
const WEBHOOKS = 'libs/notifications/src/webhooks/webhooks.repository.ts';
const SESSIONS = 'libs/identity/src/sessions/sessions.repository.ts';

export const TABLE_OWNERS: Readonly<Record<string, TableOwner>> = {
  cases: { owner: CASES, readers: [CASE_DEADLINES, CASE_QUEUE] },
  case_state_changes: { owner: CASES, readers: [CASE_QUEUE] },
  requester_statements: { owner: CASES },
  case_deadlines: { owner: CASE_DEADLINES, readers: [CASES, CASE_QUEUE] },
  case_notes: { owner: 'libs/cases/src/notes/case-notes.repository.ts' },
  deadline_sweeps: { owner: 'libs/cases/src/deadlines/deadline-sweeps.repository.ts' },
  // Temporary reader (issue #14 merge): the deadline mail's "may the family see the dates" check. To move
  // behind a port of the documents' owner.
  documents: {
    owner: 'libs/documents/src/documents.repository.ts',
    readers: ['libs/notifications/src/mail/mail-messages.repository.ts'],
  },
  account_activity: { owner: TIMELINE },
  holds: { owner: TIMELINE },
  audit_entries: { owner: 'libs/audit/src/audit.service.ts' },
  idempotency_keys: { owner: 'apps/server/src/http/idempotency/idempotency.store.ts' },
  outbox_events: { owner: 'libs/notifications/src/outbox.repository.ts', readers: [MAIL_MESSAGES, WEBHOOKS] },
  mail_messages: { owner: MAIL_MESSAGES },
  webhook_subscriptions: { owner: WEBHOOKS },
  webhook_deliveries: { owner: WEBHOOKS },
  // Temporary reader (issue #14 merge): assign's "does this user exist" check. To move behind UsersService.
  users: {
    owner: 'libs/identity/src/users/users.repository.ts',
    readers: [SESSIONS, 'libs/cases/src/review/reviewer-actions.service.ts'],
  },
  sessions: { owner: SESSIONS },
  api_keys: { owner: 'libs/identity/src/api-keys/api-keys.repository.ts' },
};

/** The TypeORM entities and their tables: calling the entity manager with one is SQL on that table. */
export const ENTITY_TABLES: Readonly<Record<string, string>> = {
  CaseEntity: 'cases',
  CaseStateChangeEntity: 'case_state_changes',
  DocumentEntity: 'documents',
  UserEntity: 'users',
  SessionEntity: 'sessions',
};

/**
 * The triggers the schema keeps: guards, not behaviour. Every business rule is code in its owner.
 * audit_entries refuses UPDATE, DELETE and TRUNCATE, so the chain is append-only whoever asks.
 */
export const KEPT_TRIGGERS = ['audit_entries_append_only', 'audit_entries_no_truncate'] as const;
