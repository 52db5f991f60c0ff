import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@app/common';
import type { JobQueue } from '@app/jobs';

/** Deliveries are retried for this long after their event, then dead-lettered. */
const RETRY_WINDOW_MS = 24 * 3_600_000;

/** Exponential backoff: 30 s, 1 min, 2 min… at most an hour between attempts. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

/** After a failed attempt: when to try again, or that the 24 hours are over. */
export function afterFailure(attempts: number, createdAt: Date, now: Date): { next: Date; dead: boolean } {
  const next = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000);
  return { next, dead: next.getTime() > createdAt.getTime() + RETRY_WINDOW_MS };
}

/**
 * What every outbox worker (webhooks, e-mail) shares: a job on the queue every minute, so some
 * instance always runs it, and a poller in each instance every WEBHOOK_POLL_SECONDS for speed.
 * Workers claim with SKIP LOCKED, so running in several places at once is safe.
 */
export abstract class OutboxWorker<Figures> implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  protected constructor(
    private readonly jobName: string,
    private readonly jobs: JobQueue,
    protected readonly config: AppConfig,
  ) {}

  abstract runOnce(): Promise<Figures>;

  onModuleInit(): void {
    this.jobs.every(this.jobName, '* * * * *', () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    if (!this.config.JOBS_ENABLED) return;
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, `${this.jobName} failed`))
        .finally(() => (this.running = undefined));
    }, this.config.WEBHOOK_POLL_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
