import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The audit trail's hash chain (issue #4): each entry's hash covers its content and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every link after it, and a
 * saved checkpoint (the latest sequence number and hash) reveals a cut-off tail. Pure functions:
 * the database keeps the entries, this decides whether they are intact.
 */

export const ACTOR_TYPES = ['user', 'requester', 'api-key', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Ids, codes and enum values only: the hashed payload carries no names, addresses or free text. */
export type AuditDetailValue = string | number | boolean | null;
const ID_OR_CODE = /^[A-Za-z0-9_.:-]{1,120}$/;

export interface AuditRecord {
  /** ISO-8601 instant. */
  at: string;
  actorType: ActorType;
  actorId: string | null;
  /** What happened, e.g. `case.state_changed`, `document.read`, `user.login`. */
  action: string;
  caseId: string | null;
  details: Readonly<Record<string, AuditDetailValue>>;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface Checkpoint {
  seq: number;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export class AuditRecordRejected extends Error {
  constructor(field: string) {
    super(`Audit ${field} must be an id or a code, not free text or personal data`);
    this.name = 'AuditRecordRejected';
  }
}

/** The next entry of the chain after `previous` (null for the first entry). */
export function chainEntry(previous: Checkpoint | null, record: AuditRecord): AuditEntry {
  assertIdsOnly(record);
  const unsealed = {
    ...record,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unsealed, hash: entryHash(unsealed) };
}

/** SHA-256 over the canonical JSON (RFC 8785) of everything in the entry but its own hash. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actorType, actorId, action, caseId, details, prevHash } = entry;
  const canonical = canonicalize({ seq, at, actorType, actorId, action, caseId, details, prevHash });
  if (canonical === undefined) throw new Error('Audit entry cannot be serialised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function assertIdsOnly(record: AuditRecord): void {
  if (!ID_OR_CODE.test(record.action)) throw new AuditRecordRejected('action');
  if (record.actorId !== null && !ID_OR_CODE.test(record.actorId)) throw new AuditRecordRejected('actorId');
  if (record.caseId !== null && !ID_OR_CODE.test(record.caseId)) throw new AuditRecordRejected('caseId');
  for (const [key, value] of Object.entries(record.details)) {
    if (!ID_OR_CODE.test(key)) throw new AuditRecordRejected(`details key ${key}`);
    if (typeof value === 'string' && !ID_OR_CODE.test(value)) throw new AuditRecordRejected(`details.${key}`);
  }
}

export type ChainProblem = 'ALTERED' | 'BROKEN_LINK' | 'MISSING_ENTRY' | 'OUT_OF_ORDER' | 'TRUNCATED';

export type ChainVerdict =
  | { ok: true; entries: number; head: Checkpoint | null }
  | { ok: false; brokenAt: number; problem: ChainProblem; message: string };

/**
 * Checks a chain entry by entry, in the order the store returns them (by sequence number), so a
 * long chain can be streamed. With a checkpoint saved earlier, it also detects a rewritten or
 * cut-off chain.
 */
export class ChainVerifier {
  private head: Checkpoint | null = null;
  private count = 0;
  private verdict: ChainVerdict | undefined;

  constructor(private readonly checkpoint?: Checkpoint) {}

  /** Returns the first problem found, and keeps returning it. */
  add(entry: AuditEntry): ChainVerdict | undefined {
    if (this.verdict) return this.verdict;
    const expectedSeq = this.head ? this.head.seq + 1 : 1;
    if (entry.seq < expectedSeq) {
      return this.fail(entry.seq, 'OUT_OF_ORDER', `entry ${entry.seq} comes after entry ${expectedSeq - 1}`);
    }
    if (entry.seq > expectedSeq) {
      return this.fail(expectedSeq, 'MISSING_ENTRY', `entry ${expectedSeq} is missing (next is ${entry.seq})`);
    }
    if (entryHash(entry) !== entry.hash) {
      return this.fail(entry.seq, 'ALTERED', `entry ${entry.seq} does not match its hash: it was changed`);
    }
    if (entry.prevHash !== (this.head?.hash ?? GENESIS_HASH)) {
      return this.fail(entry.seq, 'BROKEN_LINK', `entry ${entry.seq} does not follow from entry ${expectedSeq - 1}`);
    }
    if (this.checkpoint?.seq === entry.seq && this.checkpoint.hash !== entry.hash) {
      return this.fail(entry.seq, 'ALTERED', `entry ${entry.seq} differs from the checkpoint: the chain was rewritten`);
    }
    this.head = { seq: entry.seq, hash: entry.hash };
    this.count++;
    return undefined;
  }

  /** The verdict over all entries added, including whether the chain still reaches the checkpoint. */
  finish(): ChainVerdict {
    if (this.verdict) return this.verdict;
    const last = this.head?.seq ?? 0;
    if (this.checkpoint && last < this.checkpoint.seq) {
      return this.fail(
        last + 1,
        'TRUNCATED',
        `the chain ends at entry ${last}, before the checkpoint at entry ${this.checkpoint.seq}`,
      );
    }
    return { ok: true, entries: this.count, head: this.head };
  }

  private fail(brokenAt: number, problem: ChainProblem, message: string): ChainVerdict {
    this.verdict = { ok: false, brokenAt, problem, message };
    return this.verdict;
  }
}

/** Verifies a whole chain held in memory (tests, small exports); the CLI streams pages instead. */
export function verifyChain(entries: Iterable<AuditEntry>, checkpoint?: Checkpoint): ChainVerdict {
  const verifier = new ChainVerifier(checkpoint);
  for (const entry of entries) {
    const problem = verifier.add(entry);
    if (problem) return problem;
  }
  return verifier.finish();
}
