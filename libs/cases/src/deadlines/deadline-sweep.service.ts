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
} from '@app/timeline';
import { APPEAL_WINDOW_DAYS, FINAL_STATES } from '../case-lifecycle.js';
import { CasesRepository, type EscalatedCase } from '../cases.repository.js';
import { DeadlineSweepsRepository } from './deadline-sweeps.repository.js';

export const DEADLINE_SWEEP_JOB = 'deadline-sweep';
const SYSTEM = { actorType: 'system' as const, actorId: 'deadline-sweep' };
const DAY = 86_400_000;

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
    private readonly cases: CasesRepository,
    private readonly sweeps: DeadlineSweepsRepository,
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
    if (!(await this.sweeps.claim(day, now, options.again ?? false))) return null;
    const previousStart = await this.sweeps.lastFinishedStartBefore(day);
    const stepsMs = { lapse: 0, finalRejections: 0, recompute: 0, escalate: 0 };
    const step = async <T>(name: keyof typeof stepsMs, work: () => Promise<T>): Promise<T> => {
      const stepStarted = Date.now();
      const result = await work();
      stepsMs[name] = Date.now() - stepStarted;
      return result;
    };
    const holdsLapsed = await step(
      'lapse',
      async () => (await this.lapseHolds(now)) + (await this.lapseUnconfirmed(now)),
    );
    const holdsReleasedAfterRejection = await step('finalRejections', () => this.releaseFinallyRejected(now));
    const accountsRecomputed = await step('recompute', () => this.deadlines.refreshDue(previousStart));
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
    await this.sweeps.finish(day, this.clock.now(), figures);
    return figures;
  }

  /** The family sent no document within HOLD_LAPSE_DAYS of the hold: it lapses. */
  private lapseHolds(now: Date): Promise<number> {
    const placedBy = new Date(now.getTime() - this.config.HOLD_LAPSE_DAYS * DAY);
    return this.releaseHolds(now, 'LAPSED', placedBy, (manager, held) => this.cases.withoutDocuments(manager, held));
  }

  /**
   * A request whose address nobody confirmed within UNCONFIRMED_HOLD_DAYS of its hold is not a
   * family's request yet (domain.md §3): its hold lapses; confirming later places it again.
   */
  private async lapseUnconfirmed(now: Date): Promise<number> {
    // With REQUIRE_EMAIL_VERIFICATION off, nobody is asked to confirm: the rule does not apply.
    if (!this.config.REQUIRE_EMAIL_VERIFICATION) return 0;
    const placedBy = new Date(now.getTime() - this.config.UNCONFIRMED_HOLD_DAYS * DAY);
    return this.releaseHolds(now, 'LAPSED', placedBy, (manager, held) => this.cases.unconfirmed(manager, held));
  }

  /** A rejection nobody appealed within the appeal window is final: its hold goes. */
  private releaseFinallyRejected(now: Date): Promise<number> {
    const decidedBefore = new Date(now.getTime() - APPEAL_WINDOW_DAYS * DAY);
    return this.releaseHolds(now, 'REJECTED', undefined, (manager, held) =>
      this.cases.rejectedBefore(manager, held, decidedBefore),
    );
  }

  /** Releases the holds (placed by `placedBy`) of the held cases that `chosen` picks, in one transaction. */
  private releaseHolds(
    now: Date,
    reason: HoldReleaseReason,
    placedBy: Date | undefined,
    chosen: (manager: EntityManager, held: string[]) => Promise<string[]>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // The chain's lock before the hold rows: a case's own transition takes its hold after the lock.
      await this.audit.lockChain(manager);
      const held = await this.holds.casesHeld(manager, placedBy);
      if (held.length === 0) return 0;
      return this.holds.releaseForCases(manager, await chosen(manager, held), reason, now, SYSTEM);
    });
  }

  /** Flags open cases whose subject loses data within DEADLINE_ESCALATION_DAYS; clears flags no longer true. */
  private async escalate(now: Date): Promise<{ escalated: number; cleared: number }> {
    const today = calendarDateOf(now);
    const horizon = plusDays(today, this.config.DEADLINE_ESCALATION_DAYS);
    return this.dataSource.transaction(async (manager) => {
      // Rows locked in id order, as every multi-row writer of cases does, then the chain's lock.
      const { escalated, cleared } = await this.cases.markEscalations(manager, now, FINAL_STATES, horizon);
      await this.record(manager, now, escalated, cleared);
      return { escalated: escalated.length, cleared: cleared.length };
    });
  }

  private async record(
    manager: EntityManager,
    now: Date,
    escalated: EscalatedCase[],
    cleared: string[],
  ): Promise<void> {
    const today = calendarDateOf(now);
    await this.audit.appendMany(manager, [
      ...escalated.map((row) => ({
        at: now.toISOString(),
        ...SYSTEM,
        action: 'case.escalated',
        caseId: row.id,
        details: { kind: row.deadlineKind, date: row.riskDate, daysLeft: daysBetween(today, row.riskDate) },
      })),
      ...cleared.map((id) => ({
        at: now.toISOString(),
        ...SYSTEM,
        action: 'case.escalation_cleared',
        caseId: id,
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
          kind: row.deadlineKind,
          date: row.riskDate,
          daysLeft: daysBetween(today, row.riskDate),
        },
      })),
    );
  }
}
