import { isConnectionWaitTimeout } from './connection-wait.js';
import { DomainException } from './domain-exception.js';

/**
 * The SQLSTATE PostgreSQL sent with an error (TypeORM wraps it in `driverError`), if it sent one.
 * Only the server's errors carry a severity; a socket's `code` (EPIPE, ECONNRESET) is not one.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const source = 'driverError' in error ? error.driverError : error;
  if (typeof source !== 'object' || source === null || !('severity' in source) || !('code' in source)) return undefined;
  return typeof source.code === 'string' ? source.code : undefined;
}

/**
 * Whether a transaction that failed with this error certainly did not commit. Our own refusals and
 * the server's (any SQLSTATE but connection exceptions, class 08, and operator intervention, class
 * 57) roll it back. A connection lost during COMMIT says nothing: the commit may be on disk, so
 * whatever the row points to must stay until someone asks the database. A transaction that never got
 * a connection (a busy pool) never began.
 */
export function certainlyRolledBack(error: unknown): boolean {
  if (error instanceof DomainException || isConnectionWaitTimeout(error)) return true;
  const state = sqlStateOf(error);
  return state !== undefined && !state.startsWith('08') && !state.startsWith('57');
}
