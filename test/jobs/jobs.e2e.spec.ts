import { setTimeout as sleep } from 'node:timers/promises';
import { DEADLINE_SWEEP_JOB } from '@app/cases';
import { JobQueue } from '@app/jobs';
import { MAIL_DISPATCH_JOB, WEBHOOK_DISPATCH_JOB } from '@app/notifications';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Two server instances on one database, both running the job queue, as in a scaled-out deployment.
let first: TestApp;
let second: TestApp;
// Never due during the test: the runs come from runNow.
const quietCron = { JOBS_ENABLED: true, DEADLINE_SWEEP_CRON: '0 0 1 1 *' };

beforeAll(async () => {
  first = await createTestApp(quietCron);
  second = await createTestApp({ ...quietCron, DATABASE_URL: first.config.DATABASE_URL });
});
afterAll(async () => {
  await second.close();
  await first.close();
});

async function finishedSweeps(): Promise<number> {
  const [row] = await first.dataSource.query<[{ n: number }]>(
    'SELECT count(*)::int AS n FROM deadline_sweeps WHERE finished_at IS NOT NULL',
  );
  return row.n;
}

describe('the job queue', () => {
  it('registers the daily sweep once, whatever the number of instances', async () => {
    const schedules = await first.dataSource.query<{ name: string; cron: string }[]>(
      'SELECT name, cron FROM pgboss.schedule ORDER BY name',
    );
    expect(schedules).toEqual([
      { name: 'case-expiry', cron: '5 * * * *' },
      { name: DEADLINE_SWEEP_JOB, cron: '0 0 1 1 *' },
      { name: 'idempotency-prune', cron: '17 * * * *' },
      { name: MAIL_DISPATCH_JOB, cron: '* * * * *' },
      { name: WEBHOOK_DISPATCH_JOB, cron: '* * * * *' },
    ]);
  });

  it('runs a job asked for by two instances at once exactly once', async () => {
    const ids = await Promise.all([
      first.app.get(JobQueue).runNow(DEADLINE_SWEEP_JOB),
      second.app.get(JobQueue).runNow(DEADLINE_SWEEP_JOB),
    ]);
    // The queue is exclusive: one job queued or active at a time, so the second send is refused.
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    for (let waited = 0; (await finishedSweeps()) === 0 && waited < 30_000; waited += 250) await sleep(250);
    expect(await finishedSweeps()).toBe(1);
    const jobs = await first.dataSource.query<{ state: string }[]>('SELECT state FROM pgboss.job WHERE name = $1', [
      DEADLINE_SWEEP_JOB,
    ]);
    expect(jobs).toEqual([{ state: 'completed' }]);
  });
});
