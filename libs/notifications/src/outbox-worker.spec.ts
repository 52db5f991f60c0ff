import { describe, expect, it } from '@jest/globals';
import { afterFailure, retryDelaySeconds } from './outbox-worker.js';

describe('retries', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [8, 3600],
    [30, 3600],
  ])('after attempt %i, wait %i s', (attempts, seconds) => expect(retryDelaySeconds(attempts)).toBe(seconds));

  it('give up once the next attempt would fall beyond 24 hours after the event', () => {
    const created = new Date('2026-11-22T10:00:00Z');
    expect(afterFailure(20, created, new Date('2026-11-23T08:59:59Z')).dead).toBe(false);
    expect(afterFailure(20, created, new Date('2026-11-23T09:00:01Z')).dead).toBe(true);
  });
});
