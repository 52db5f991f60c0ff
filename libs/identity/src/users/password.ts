import argon2 from 'argon2';
import { HashQueue } from './hash-queue.js';

/**
 * Every argon2 computation of this process goes through one queue, so their number at once is
 * fixed whatever the number of logins (IdentityModule sets its size from the configuration).
 */
let queue = new HashQueue(2, 32);

/** PASSWORD_HASH_CONCURRENCY and PASSWORD_HASH_QUEUE_LENGTH, applied at boot. */
export function configurePasswordHashing(concurrency: number, queueLength: number): void {
  if (queue.width !== concurrency || queue.maxWaiting !== queueLength) queue = new HashQueue(concurrency, queueLength);
}

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): above OWASP's minimum. */
export function hashPassword(password: string): Promise<string> {
  return queue.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

/** Rejects with a HashQueueFullError (503) when the queue is full; resolves false or true otherwise. */
export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return queue.run(() => argon2.verify(hash, password));
}

/**
 * Checked when the e-mail is unknown, so a wrong address takes as long as a wrong password and
 * timing does not tell which accounts exist.
 */
export const DECOY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$2mBQ2ZxXVx5n0tXB3r5rKpnvR0jOZ4B1tC6W8Qb1Nck';

export const MIN_PASSWORD_LENGTH = 12;
