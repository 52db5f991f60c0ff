import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { AppConfig } from '@app/common';

export type JobHandler = () => Promise<unknown>;

interface RecurringJob {
  cron: string;
  handler: JobHandler;
}

/**
 * Recurring jobs on a PostgreSQL-backed queue (pg-boss): every server instance registers the same
 * schedules, pg-boss's distributed cron creates one job per occurrence, and one worker fetches it
 * (SKIP LOCKED), so any number of instances run each occurrence once. A queue's `exclusive` policy
 * keeps a slow run from overlapping the next; a failed run is retried with backoff.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly recurring = new Map<string, RecurringJob>();
  private boss: PgBoss | undefined;

  constructor(private readonly config: AppConfig) {}

  /** Call from a provider's constructor or onModuleInit: the queue starts once the app is built. */
  every(name: string, cron: string, handler: JobHandler): void {
    this.recurring.set(name, { cron, handler });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.JOBS_ENABLED) return;
    const boss = new PgBoss({ connectionString: this.config.DATABASE_URL, max: 2, application_name: 'nok-jobs' });
    boss.on('error', (error: unknown) => this.logger.error({ err: error }, 'Job queue error'));
    await boss.start();
    this.boss = boss;
    for (const [name, job] of this.recurring) {
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, {
          policy: 'exclusive',
          retryLimit: 5,
          retryDelay: 60,
          retryBackoff: true,
          expireInSeconds: 3600,
        });
      }
      // `once`: occurrences missed while every instance was down run once at the next start.
      await boss.schedule(name, job.cron, null, { tz: 'UTC', missed: 'once' });
      await boss.work(name, async () => {
        const started = Date.now();
        const result = await job.handler();
        this.logger.log({ job: name, ms: Date.now() - started, result }, 'Job done');
      });
    }
  }

  /** Queues one run now (the CLI's "run it now", and tests); the exclusive policy still applies. */
  async runNow(name: string): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue is not running in this process (JOBS_ENABLED=false)');
    return this.boss.send(name, null);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 30_000 });
  }
}
