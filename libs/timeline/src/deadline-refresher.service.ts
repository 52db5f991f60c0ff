import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { calendarDateOf } from './calendar-date.js';
import { deadlineSummary, riskKeyOf } from './next-deadline.js';
import { TimelineReader } from './timeline-reader.service.js';

const BATCH = 5000;

/**
 * Keeps each case's copy of its subject's next deadline (the columns the risk queue is ordered by)
 * and each account's `recompute_on`, the first day its deadline can change without new facts.
 * Called in the transaction of every change to facts or holds, and by the daily sweep for the
 * accounts whose day has come.
 */
@Injectable()
export class DeadlineRefresher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: TimelineReader,
    private readonly clock: Clock,
  ) {}

  async refresh(manager: EntityManager, emails: readonly string[]): Promise<void> {
    const today = calendarDateOf(this.clock.now());
    const clocks = [...(await this.reader.load(manager, emails)).values()];
    const rows = clocks.map((clock) => {
      const timeline = this.reader.timeline(clock, today);
      return {
        email: clock.accountEmail,
        key: riskKeyOf(deadlineSummary(timeline, today)),
        changesOn: timeline?.changesOn ?? null,
      };
    });
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE cases c
       SET risk_rank = u.rank, risk_date = u.date, deadline_kind = u.kind, deadline_held = u.held
       FROM unnest($1::text[], $2::smallint[], $3::date[], $4::text[], $5::boolean[]) AS u(email, rank, date, kind, held)
       WHERE lower(c.subject_account_email) = u.email
         AND (c.risk_rank, c.risk_date, c.deadline_kind, c.deadline_held) IS DISTINCT FROM (u.rank, u.date, u.kind, u.held)`,
      [
        rows.map((row) => row.email),
        rows.map((row) => row.key.rank),
        rows.map((row) => row.key.date),
        rows.map((row) => row.key.kind),
        rows.map((row) => row.key.held),
      ],
    );
    await manager.query(
      `UPDATE account_activity a SET recompute_on = u.day
       FROM unnest($1::text[], $2::date[]) AS u(email, day) WHERE a.account_email = u.email`,
      [rows.map((row) => row.email), rows.map((row) => row.changesOn)],
    );
  }

  /** The sweep's part: every account whose `recompute_on` has come, a batch per transaction. */
  async refreshDue(): Promise<number> {
    const today = calendarDateOf(this.clock.now());
    let refreshed = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const due = await manager.query<{ account_email: string }[]>(
          `SELECT account_email FROM account_activity WHERE recompute_on <= $1
           ORDER BY recompute_on LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [today, BATCH],
        );
        await this.refresh(
          manager,
          due.map((row) => row.account_email),
        );
        return due.length;
      });
      refreshed += done;
      if (done < BATCH) return refreshed;
    }
  }
}
