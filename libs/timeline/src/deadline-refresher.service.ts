import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import type { TransactionCommitEvent } from 'typeorm/subscriber/event/TransactionCommitEvent.js';
import type { TransactionRollbackEvent } from 'typeorm/subscriber/event/TransactionRollbackEvent.js';
import { Clock, sqlStateOf } from '@app/common';
import { calendarDateOf } from './calendar-date.js';
import { DeadlineCopies } from './deadline-copies.port.js';
import { deadlineSummary, riskKeyOf } from './next-deadline.js';
import { TimelineReader } from './timeline-reader.service.js';
import { TimelineRepository } from './timeline.repository.js';

const BATCH = 5000;
const PARALLEL_BATCHES = 2;

/** PostgreSQL's deadlock and serialization failures: the refresh is safe to run again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Keeps each case's copy of its subject's next deadline (`case_deadlines`, which the risk queue is
 * ordered by) and each account's `recompute_on`, the first day its deadline can change without new facts.
 *
 * A change to facts or holds names its accounts in its transaction; they are refreshed right after
 * the commit, on the same connection, in a transaction of their own. The copies are derived data,
 * and refreshing them inside the change (which holds its case row and the audit lock) could deadlock
 * against the sweep. Every refresh locks the copies in case id order, then accounts, so refreshes cannot
 * deadlock each other. One that fails anyway is redone by the daily sweep, which refreshes every
 * account whose facts or holds changed since the sweep before.
 */
@Injectable()
export class DeadlineRefresher implements EntitySubscriberInterface {
  private readonly logger = new Logger(DeadlineRefresher.name);
  /** The accounts each open transaction changed, refreshed once it commits. */
  private readonly stale = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: TimelineReader,
    private readonly clock: Clock,
    private readonly copies: DeadlineCopies,
    private readonly store: TimelineRepository,
  ) {
    dataSource.subscribers.push(this);
  }

  /** In the transaction that changes facts or holds: these accounts' cases are refreshed once it commits. */
  refreshAfterCommit(manager: EntityManager, emails: readonly string[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('refreshAfterCommit belongs in the transaction of the change');
    const stale = this.stale.get(runner) ?? new Set<string>();
    for (const email of emails) stale.add(email.toLowerCase());
    this.stale.set(runner, stale);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    const stale = this.stale.get(runner);
    if (runner.isTransactionActive || !stale) return; // a savepoint, or nothing to do
    this.stale.delete(runner);
    // Never throws: the change it follows has committed already.
    for (let attempt = 1; ; attempt++) {
      try {
        await runner.startTransaction();
        await this.refresh(runner.manager, [...stale]);
        await runner.commitTransaction();
        return;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined); // nothing to roll back if the start failed
        const code = sqlStateOf(error);
        if (attempt < 3 && code !== undefined && RETRYABLE.has(code)) continue;
        this.logger.warn({ err: error, accounts: stale.size }, 'Deadline refresh failed; the daily sweep will redo it');
        return;
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.stale.delete(event.queryRunner);
  }

  /** Recomputes these accounts and writes their cases' copies, in the caller's transaction. */
  async refresh(manager: EntityManager, emails: readonly string[]): Promise<void> {
    const today = calendarDateOf(this.clock.now());
    // An account nobody reported stays "unknown" whatever its holds: its cases' copies (made so when
    // the case was created) have nothing to change.
    const accounts = [...(await this.reader.load(manager, emails)).values()].filter(
      (account) => account.activity !== null,
    );
    if (accounts.length === 0) return;
    const fresh = new Map(
      accounts.map((account) => {
        const timeline = this.reader.timeline(account, today);
        return [
          account.accountEmail,
          { key: riskKeyOf(deadlineSummary(timeline, today)), changesOn: timeline?.changesOn },
        ];
      }),
    );
    const cases = await this.copies.lockForAccounts(manager, [...fresh.keys()]);
    const changed = cases.flatMap((row) => {
      const key = fresh.get(row.email)?.key;
      const same =
        !key ||
        (key.rank === row.risk_rank &&
          key.date === row.risk_date &&
          key.kind === row.deadline_kind &&
          key.held === row.deadline_held);
      return same ? [] : [{ id: row.id, ...key }];
    });
    await this.copies.write(manager, changed);
    await this.store.setRecomputeOn(
      manager,
      [...fresh.keys()],
      [...fresh.values()].map((account) => account.changesOn ?? null),
    );
  }

  /**
   * The sweep's part: every account whose `recompute_on` has come, or whose facts or holds changed
   * since `changedSince` (the start of the sweep before), a batch of accounts per transaction. The job
   * queue runs one sweep at a time; batches hold disjoint accounts, hence disjoint cases. There is no
   * index on `recompute_on`, on purpose: its updates stay HOT (no index writes).
   */
  async refreshDue(changedSince: Date | null): Promise<number> {
    const today = calendarDateOf(this.clock.now());
    if (changedSince) await this.store.markChangedSince(today, changedSince);
    let refreshed = 0;
    const inFlight = new Set<Promise<void>>();
    try {
      await this.walk(today, inFlight, (count) => (refreshed += count));
    } finally {
      await Promise.allSettled(inFlight);
    }
    return refreshed;
  }

  /**
   * Refreshes the due accounts in batches, PARALLEL_BATCHES at a time, so PostgreSQL writes one
   * while we compute the next.
   */
  private async walk(today: string, inFlight: Set<Promise<void>>, counted: (count: number) => void): Promise<void> {
    for await (const due of this.store.dueAccounts(today, BATCH)) {
      const batch = this.dataSource
        .transaction((manager) => this.refresh(manager, due))
        .finally(() => inFlight.delete(batch));
      inFlight.add(batch);
      counted(due.length);
      if (inFlight.size >= PARALLEL_BATCHES) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }
}
