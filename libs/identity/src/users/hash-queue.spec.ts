import { HashQueue, HashQueueFullError } from './hash-queue.js';

describe('HashQueue', () => {
  it('runs at most its width at once and refuses callers beyond its waiting room', async () => {
    const queue = new HashQueue(2, 3);
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const task = () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        release.push(() => {
          running--;
          resolve();
        });
      });
    const accepted = Array.from({ length: 5 }, () => queue.run(task));
    await Promise.resolve();
    await expect(queue.run(task)).rejects.toBeInstanceOf(HashQueueFullError);
    expect([queue.active, queue.waiting]).toEqual([2, 3]);
    while (release.length > 0 || running > 0) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(accepted);
    expect(most).toBe(2);
  });
});
