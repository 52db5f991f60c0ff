import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig, Clock } from '@app/common';
import { JobQueue } from '@app/jobs';
import { OutboxService } from '@app/notifications';
import {
  calendarDateOf,
  DeadlineRefresher,
  daysBetween,
  type HoldReleaseReason,
  HoldsService,
  plusDays,
  type ReleasedHold,
} from '@app/timeline';
import { APPEAL_WINDOW_DAYS, FINAL_STATES } from '../case-lifecycle.js';

export const DEADLINE_SWEEP_JOB = 'deadline-sweep';
const SYSTEM = { actorType: 'system' as const, actorId: 'deadline-sweep' };

export interface SweepFigures {
  day: string;
  holdsLapsed: number;
  holdsReleasedAfterRejection: number;
  accountsRecomputed: number;
  casesEscalated: number;
  escalationsCleared: number;
  ms: number;
  /** Each step's time, to see where a slow sweep spends it. */
  stepsMs: { lapse: number; finalRejections: number; recompute: number; escalate: number };
}

interface ReleasedRow {
  id: string;
  case_id: string;
  case_reference: string;
  account_email: string;
}

interface EscalatedRow {
  id: string;
  reference: string;
  state: string;
  deadline_kind: string;
  risk_date: string;
}

/**
 * The daily deadline sweep (issue #5), on the job queue so that one instance runs it: holds lapse
 * where the family sent nothing in HOLD_LAPSE_DAYS, holds of finally rejected cases go, the
 * accounts whose day has come are recomputed, and open cases whose subject loses data within
 * DEADLINE_ESCALATION_DAYS are escalated, each with its audit entry and outbox event. Every step is
 * a set-based statement (the recompute goes in batches) and is safe to run twice.
 */
@Injectable()
export class DeadlineSweep implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holds: HoldsService,
    private readonly deadlines: DeadlineRefresher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.every(DEADLINE_SWEEP_JOB, this.config.DEADLINE_SWEEP_CRON, () => this.run());
  }

  /** Runs the sweep for today, unless today's already finished (`again` runs it anyway). */
  async run(options: { again?: boolean } = {}): Promise<SweepFigures | null> {
    const started = Date.now();
    const now = this.clock.now();
    const day = calendarDateOf(now);
    const [claimed] = await this.dataSource.query<[{ day: string }?]>(
      `INSERT INTO deadline_sweeps (day, started_at) VALUES ($1::date, $2::timestamptz)
       ON CONFLICT (day) DO UPDATE SET started_at = EXCLUDED.started_at, finished_at = NULL
         WHERE deadline_sweeps.finished_at IS NULL OR $3::boolean
       RETURNING day`,
      [day, now, options.again ?? false],
    );
    if (!claimed) return null;
    const [previous] = await this.dataSource.query<[{ started_at: Date | null }]>(
      'SELECT max(started_at) AS started_at FROM deadline_sweeps WHERE day < $1::date AND finished_at IS NOT NULL',
      [day],
    );
    const stepsMs = { lapse: 0, finalRejections: 0, recompute: 0, escalate: 0 };
    const step = async <T>(name: keyof typeof stepsMs, work: () => Promise<T>): Promise<T> => {
      const stepStarted = Date.now();
      const result = await work();
      stepsMs[name] = Date.now() - stepStarted;
      return result;
    };
    const holdsLapsed = await step('lapse', () => this.lapseHolds(now));
    const holdsReleasedAfterRejection = await step('finalRejections', () => this.releaseFinallyRejected(now));
    const accountsRecomputed = await step('recompute', () => this.deadlines.refreshDue(previous.started_at));
    const { escalated, cleared } = await step('escalate', () => this.escalate(now));
    const figures: SweepFigures = {
      day,
      holdsLapsed,
      holdsReleasedAfterRejection,
      accountsRecomputed,
      casesEscalated: escalated,
      escalationsCleared: cleared,
      ms: Date.now() - started,
      stepsMs,
    };
    await this.dataSource.query('UPDATE deadline_sweeps SET finished_at = $2, figures = $3 WHERE day = $1', [
      day,
      this.clock.now(),
      JSON.stringify(figures),
    ]);
    return figures;
  }

  /** The family sent no document within HOLD_LAPSE_DAYS of the hold: it lapses. */
  private lapseHolds(now: Date): Promise<number> {
    return this.releaseWhere(
      now,
      'LAPSED',
      `c.document_count = 0 AND h.placed_at <= $1::timestamptz - make_interval(days => $2::int)`,
      [this.config.HOLD_LAPSE_DAYS],
    );
  }

  /** A rejection nobody appealed within the appeal window is final: its hold goes. */
  private releaseFinallyRejected(now: Date): Promise<number> {
    return this.releaseWhere(
      now,
      'REJECTED',
      `c.state = 'REJECTED' AND c.decided_at < $1::timestamptz - make_interval(days => $2::int)`,
      [APPEAL_WINDOW_DAYS],
    );
  }

  private async releaseWhere(
    now: Date,
    reason: HoldReleaseReason,
    condition: string,
    parameters: unknown[],
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // The chain's lock before the hold rows: a case's own transition takes its hold after the lock.
      await this.audit.lockChain(manager);
      const rows = await manager.query<ReleasedRow[]>(
        `WITH released AS (
           UPDATE holds h SET released_at = $1::timestamptz, release_reason = '${reason}'
           FROM cases c
           WHERE c.id = h.case_id AND h.released_at IS NULL AND ${condition}
           RETURNING h.id, h.case_id, h.case_reference, h.account_email
         ) SELECT * FROM released`,
        [now, ...parameters],
      );
      const released: ReleasedHold[] = rows.map((row) => ({
        holdId: row.id,
        caseId: row.case_id,
        caseReference: row.case_reference,
        accountEmail: row.account_email,
      }));
      await this.holds.recordReleases(manager, released, reason, now, SYSTEM);
      return released.length;
    });
  }

  /** Flags open cases whose subject loses data within DEADLINE_ESCALATION_DAYS; clears flags no longer true. */
  private async escalate(now: Date): Promise<{ escalated: number; cleared: number }> {
    const today = calendarDateOf(now);
    const horizon = plusDays(today, this.config.DEADLINE_ESCALATION_DAYS);
    const atRisk = `c.state <> ALL($2::text[]) AND d.risk_rank = 1 AND d.risk_date <= $3::date`;
    const parameters = [now, [...FINAL_STATES], horizon];
    return this.dataSource.transaction(async (manager) => {
      // Rows locked in id order, as every multi-row writer of cases does, then the chain's lock.
      const escalated = await manager.query<EscalatedRow[]>(
        `WITH due AS (
           SELECT c.id FROM cases c JOIN case_deadlines d ON d.case_id = c.id
           WHERE c.escalated_at IS NULL AND ${atRisk} ORDER BY c.id FOR UPDATE OF c
         ), escalated AS (
           UPDATE cases c SET escalated_at = $1::timestamptz FROM due WHERE c.id = due.id RETURNING c.id
         )
         SELECT c.id, c.reference, c.state, d.deadline_kind, d.risk_date::text AS risk_date
         FROM escalated e JOIN cases c ON c.id = e.id JOIN case_deadlines d ON d.case_id = e.id`,
        parameters,
      );
      const cleared = await manager.query<{ id: string }[]>(
        `WITH stale AS (
           SELECT c.id FROM cases c JOIN case_deadlines d ON d.case_id = c.id
           WHERE c.escalated_at IS NOT NULL AND NOT (${atRisk.replaceAll('$2', '$1').replaceAll('$3', '$2')})
           ORDER BY c.id FOR UPDATE OF c
         ), cleared AS (
           UPDATE cases c SET escalated_at = NULL FROM stale WHERE c.id = stale.id RETURNING c.id
         ) SELECT * FROM cleared`,
        parameters.slice(1),
      );
      await this.record(manager, now, escalated, cleared);
      return { escalated: escalated.length, cleared: cleared.length };
    });
  }

  private async record(
    manager: EntityManager,
    now: Date,
    escalated: EscalatedRow[],
    cleared: { id: string }[],
  ): Promise<void> {
    const today = calendarDateOf(now);
    await this.audit.appendMany(manager, [
      ...escalated.map((row) => ({
        at: now.toISOString(),
        ...SYSTEM,
        action: 'case.escalated',
        caseId: row.id,
        details: { kind: row.deadline_kind, date: row.risk_date, daysLeft: daysBetween(today, row.risk_date) },
      })),
      ...cleared.map((row) => ({
        at: now.toISOString(),
        ...SYSTEM,
        action: 'case.escalation_cleared',
        caseId: row.id,
        details: {},
      })),
    ]);
    await this.outbox.add(
      manager,
      escalated.map((row) => ({
        type: 'deadline.escalated' as const,
        caseId: row.id,
        occurredAt: now,
        payload: {
          caseReference: row.reference,
          state: row.state,
          kind: row.deadline_kind,
          date: row.risk_date,
          daysLeft: daysBetween(today, row.risk_date),
        },
      })),
    );
  }
}
