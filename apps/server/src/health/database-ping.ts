import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '@app/common';

/** How long one ping may take, connecting included, before the database counts as down. */
export const PING_TIMEOUT_MS = 2000;

/**
 * Asks PostgreSQL whether it answers, over a connection of its own: a pool of one, outside the
 * application's pool. Pinging through the application's pool would report the database down
 * whenever every pooled connection is busy (a burst of reads), which is load, not an outage; and a
 * health check must not take a connection from the requests it reports on. Concurrent health
 * checks share one ping, so a flood of them still uses that one connection.
 */
@Injectable()
export class DatabasePing implements OnModuleDestroy {
  private readonly pool: pg.Pool;
  private inFlight?: Promise<void>;

  constructor(config: AppConfig) {
    this.pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: PING_TIMEOUT_MS,
      query_timeout: PING_TIMEOUT_MS,
      application_name: 'next-of-kin health',
    });
    // An idle connection the server dropped: the next ping opens a new one, so there is nothing to do.
    this.pool.on('error', () => undefined);
  }

  ping(): Promise<void> {
    this.inFlight ??= this.pool
      .query('SELECT 1')
      .then(() => undefined)
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.end();
  }
}
