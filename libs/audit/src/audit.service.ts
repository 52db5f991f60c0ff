import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AuditEntry,
  type AuditRecord,
  ChainVerifier,
  type ChainVerdict,
  type Checkpoint,
  chainEntry,
} from './audit-chain.js';

/** Every append takes this transaction-scoped lock, so the chain has one order and no forks. */
const AUDIT_LOCK_ID = 7_340_013;
const PAGE = 1000;

interface AuditRow {
  seq: string;
  at: Date;
  actor_type: AuditEntry['actorType'];
  actor_id: string | null;
  action: string;
  case_id: string | null;
  details: AuditEntry['details'];
  prev_hash: string;
  hash: string;
}

/** Stores the audit chain. `append` must be called with the manager of the transaction it records. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const [entry] = await this.appendMany(manager, [record]);
    return entry;
  }

  /**
   * Takes the chain's lock early, for a transaction that will append after locking rows that a
   * concurrent appender locks after the chain (lock order). Appending takes it anyway.
   */
  async lockChain(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_ID]);
  }

  /** Appends several entries with one lock and one INSERT: what a set-based sweep records. */
  async appendMany(manager: EntityManager, records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('An audit entry is written in the same transaction as the change it records');
    }
    if (records.length === 0) return [];
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_ID]);
    const [head] = await manager.query<[{ seq: string; hash: string }?]>(
      'SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1',
    );
    let previous = head ? { seq: Number(head.seq), hash: head.hash } : null;
    const entries = records.map((record) => {
      const entry = chainEntry(previous, record);
      previous = entry;
      return entry;
    });
    await manager.query(
      `INSERT INTO audit_entries (seq, at, actor_type, actor_id, action, case_id, details, prev_hash, hash)
       SELECT seq, at, actor_type, actor_id, action, case_id, details::jsonb, prev_hash, hash
       FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[],
                   $8::text[], $9::text[])
         AS e(seq, at, actor_type, actor_id, action, case_id, details, prev_hash, hash)`,
      [
        entries.map((e) => e.seq),
        entries.map((e) => e.at),
        entries.map((e) => e.actorType),
        entries.map((e) => e.actorId),
        entries.map((e) => e.action),
        entries.map((e) => e.caseId),
        entries.map((e) => JSON.stringify(e.details)),
        entries.map((e) => e.prevHash),
        entries.map((e) => e.hash),
      ],
    );
    return entries;
  }

  /** Checks the whole chain, page by page; with a checkpoint, also that nothing was cut off. */
  async verify(checkpoint?: Checkpoint): Promise<ChainVerdict> {
    const verifier = new ChainVerifier(checkpoint);
    for (let after = 0; ;) {
      const rows = await this.dataSource.query<AuditRow[]>(
        'SELECT * FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, PAGE],
      );
      for (const row of rows) {
        const problem = verifier.add(toEntry(row));
        if (problem) return problem;
      }
      if (rows.length < PAGE) return verifier.finish();
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async checkpoint(): Promise<Checkpoint | null> {
    const [head] = await this.dataSource.query<[{ seq: string; hash: string }?]>(
      'SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1',
    );
    return head ? { seq: Number(head.seq), hash: head.hash } : null;
  }

  async forCase(caseId: string): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<AuditRow[]>(
      'SELECT * FROM audit_entries WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    caseId: row.case_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
