import pLimit from 'p-limit';
import { DomainException } from '@app/common';

/** Answered 503 with Retry-After: the server is busy hashing, it is not refusing this caller. */
export class HashQueueFullError extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super('SERVICE_BUSY', 'The server is busy checking other passwords; try again in a moment.');
  }
}

/**
 * At most `width` argon2 computations at once (each takes 64 MiB and a core), and at most
 * `maxWaiting` more waiting: beyond that a caller is told to come back instead of piling up, so a
 * flood of logins cannot starve the event loop's thread pool and every other request with it.
 */
export class HashQueue {
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    readonly width: number,
    readonly maxWaiting: number,
  ) {
    this.limit = pLimit(width);
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.maxWaiting && this.limit.activeCount >= this.width) {
      return Promise.reject(new HashQueueFullError(1));
    }
    return this.limit(task);
  }

  get active(): number {
    return this.limit.activeCount;
  }

  get waiting(): number {
    return this.limit.pendingCount;
  }
}
