/**
 * Whether an error says the server could not get a database connection in time: every pooled one is
 * busy and none came free within DATABASE_CONNECTION_WAIT_MS (pg-pool), or opening a new one took
 * longer than that (pg's connectionTimeoutMillis). Both mean "busy, try again soon", not a fault of
 * the request or the code, so they are answered 503 with Retry-After instead of 500. TypeORM passes
 * these errors on unwrapped; `driverError` is looked at too in case a wrapper ever adds one.
 */
export function isConnectionWaitTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const source = 'driverError' in error && error.driverError instanceof Error ? error.driverError : error;
  if (!(source instanceof Error)) return false;
  return CONNECTION_WAIT_MESSAGES.includes(source.message);
}

// node-postgres signals both with plain Errors and no code: their messages are all there is.
const CONNECTION_WAIT_MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: no pooled connection came free in time
  'Connection terminated due to connection timeout', // pg Client: a new connection took too long
];
