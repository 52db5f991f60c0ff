// npm run bench:queue: the risk-ordered queue and the daily deadline sweep over a million cases
// and accounts generated in bulk. Compares the queue endpoint with the same keyset query in raw
// SQL (the very statement the service runs, and the bare keyset page), measured in the same run. Prints a table and writes bench/results/queue.{json,md}.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { call, freePort, jsonBody } from './lib.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, '..', 'dist');
const { loadConfig } = await import(join(dist, 'libs/common/src/index.js'));
const { prepareDatabase } = await import(join(dist, 'apps/server/src/database-bootstrap.js'));
const { AppModule } = await import(join(dist, 'apps/server/src/app.module.js'));
const { configureApp } = await import(join(dist, 'apps/server/src/configure-app.js'));
const { createRootLogger } = await import(join(dist, 'apps/server/src/http/logging.js'));
const { runCli } = await import(join(dist, 'apps/server/src/cli.js'));
const { DeadlineSweep, CaseQueueService, queueStatement } = await import(join(dist, 'libs/cases/src/index.js'));

const N = Number(process.env.BENCH_QUEUE_CASES ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_QUEUE_SAMPLES ?? 1000);
const PAGE = 25;
const FAR_PAGE = Number(process.env.BENCH_QUEUE_FAR_PAGE ?? 1000);
const PASSWORD = 'bench password, long enough';
const TODAY = new Date().toISOString().slice(0, 10);

const figures = { cases: N, accounts: N, pageSize: PAGE, samples: SAMPLES };
const seconds = (ms) => Math.round(ms / 100) / 10;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times the tasks in interleaved rounds, so that drift (autovacuum, GC, the machine) hits them alike. */
async function timedTogether(samples, tasks) {
  const durations = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
  for (let round = -20; round < samples; round++) {
    for (const [name, task] of Object.entries(tasks)) {
      const start = process.hrtime.bigint();
      await task();
      if (round >= 0) durations[name].push(Number(process.hrtime.bigint() - start) / 1e6); // 20 warm-up rounds
    }
  }
  return Object.fromEntries(
    Object.entries(durations).map(([name, values]) => [
      name,
      { p50: percentile(values, 50), p95: percentile(values, 95) },
    ]),
  );
}

/**
 * A million accounts and cases, set-based: facts spread over three years, two cases in three
 * holding their account, one family in a hundred that never sent a document.
 */
async function generate(db) {
  const started = Date.now();
  await db.query(
    `INSERT INTO account_activity (account_email, facts, reported_at, recompute_on)
     SELECT 'acct' || i || '@outlook.com',
       jsonb_build_object(
         'lastSignInAt', to_char(DATE '${TODAY}' - ((i * 7919) % 1100)::int, 'YYYY-MM-DD'),
         'blockedSince', NULL, 'closedByHolderAt', NULL,
         'purchases', CASE WHEN i % 10 = 0 THEN '[{"at":"2024-03-01","kind":"PRODUCT"}]'::jsonb
                           WHEN i % 10 = 1 THEN '[{"at":"2024-03-01","kind":"GIFT_CARD"}]'::jsonb ELSE '[]'::jsonb END,
         'subscriptions', CASE WHEN i % 7 = 0 THEN jsonb_build_array(jsonb_build_object('startedAt', '2022-01-01',
                            'endedAt', to_char(DATE '${TODAY}' - ((i * 31) % 700)::int, 'YYYY-MM-DD'))) ELSE '[]'::jsonb END,
         'storePublisher', i % 97 = 0, 'certified', i % 53 = 0,
         'balance', CASE WHEN i % 41 = 0 THEN '{"amount":"5.00","currency":"EUR"}'::jsonb END,
         'owedByProvider', NULL, 'consentedMinorAccounts', '[]'::jsonb),
       now(), DATE '${TODAY}'
     FROM generate_series(1::bigint, $1) AS i`,
    [N],
  );
  figures.generateAccountsSeconds = seconds(Date.now() - started);
  const casesStarted = Date.now();
  await db.query(
    `INSERT INTO cases (reference, request_type, state, jurisdiction, checklist_version, subject_status,
       subject_full_name, subject_account_email, subject_country, subject_date_of_death, requester_full_name,
       requester_email, requester_relationship, requester_country, requester_language, access_token_hash,
       document_count, created_at, updated_at)
     SELECT 'NOK-2025-' || lpad(i::text, 7, '0'),
       (ARRAY['CLOSE_ACCOUNT', 'RELEASE_DATA', 'PRESERVE_DATA'])[1 + i % 3],
       (ARRAY['AWAITING_DOCUMENTS', 'READY_FOR_REVIEW', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED'])[1 + i % 5],
       j, j || '-1', 'DECEASED', 'Bench Subject', 'acct' || i || '@outlook.com', 'DE', DATE '2026-01-01',
       'Bench Requester', 'family' || i || '@example.org', 'CHILD', 'DE', 'de', sha256(i::text::bytea),
       CASE WHEN i % 100 = 0 THEN 0 ELSE 1 + i % 4 END, t, t
     FROM generate_series(1::bigint, $1) AS i,
       LATERAL (SELECT (ARRAY['EU', 'DE', 'CN', 'DEFAULT'])[1 + i % 4] AS j,
                       date_trunc('milliseconds', now() - ((i * 104729) % 31536000000) * interval '1 millisecond') AS t) AS x`,
    [N],
  );
  await db.query(
    `INSERT INTO holds (case_id, case_reference, account_email, placed_at)
     SELECT id, reference, lower(subject_account_email), created_at FROM cases WHERE request_type <> 'CLOSE_ACCOUNT'`,
  );
  figures.generateCasesSeconds = seconds(Date.now() - casesStarted);
  await db.query('VACUUM ANALYZE');
}

// The queue's own statement (page and SLA history), run raw; and the bare keyset page, the least any queue does.
const sameStatement = (position) => queueStatement({}, 'risk', position, PAGE + 1);
const BARE_KEYSET = `SELECT * FROM case_deadlines d JOIN cases c ON c.id = d.case_id
  WHERE ($1::smallint IS NULL OR (d.risk_rank, d.risk_date, d.created_at, d.case_id) > ($1, $2::date, $3::timestamptz, $4::uuid))
  ORDER BY d.risk_rank, d.risk_date, d.created_at, d.case_id LIMIT ${PAGE + 1}`;

async function main() {
  const root = await mkdtemp(join(tmpdir(), 'nok-bench-queue-'));
  await chmod(root, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  await mkdir(join(here, 'results'), { recursive: true });
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'production',
      DATA_DIR: join(root, 'data'),
      UPLOAD_DIR: join(root, 'uploads'),
      DOCUMENT_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: false,
      EMBEDDED_POSTGRES_PORT: await freePort(),
    },
  );
  const database = await prepareDatabase(config);
  const db = new pg.Client({ connectionString: database.config.DATABASE_URL });
  await db.connect();
  let app;
  try {
    console.log(`Generating ${N.toLocaleString('en')} accounts and cases…`);
    await generate(db);

    app = await NestFactory.create(AppModule.forRoot(database.config), { bufferLogs: true });
    configureApp(app, createRootLogger(database.config));
    const port = await freePort();
    await app.listen(port, '127.0.0.1');

    console.log('The daily sweep, every account due (the first run)…');
    const sweep = app.get(DeadlineSweep);
    const full = await sweep.run({ again: true });
    figures.sweepAllDue = full;
    await db.query('VACUUM ANALYZE'); // as autovacuum would after a million updates, before timing

    console.log('The daily sweep, the next day (only the accounts whose day has come)…');
    const next = await sweep.run({ again: true });
    figures.sweepTypicalDay = next;

    const quiet = console.log;
    console.log = () => undefined;
    await runCli(['users:create', '--email', 'bench@example.org', '--role', 'reviewer'], {
      DATABASE_URL: database.config.DATABASE_URL,
      NEW_USER_PASSWORD: PASSWORD,
    });
    console.log = quiet;
    const login = await call(
      port,
      'POST',
      '/api/v1/auth/login',
      jsonBody({ email: 'bench@example.org', password: PASSWORD }),
    );
    const headers = { authorization: `Bearer ${login.body.token}` };

    console.log(`Walking to page ${FAR_PAGE} by cursor…`);
    let cursor = null;
    for (let page = 1; page < FAR_PAGE; page++) {
      const response = await call(port, 'GET', `/api/v1/cases?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, {
        headers,
      });
      if (response.status !== 200) throw new Error(`Queue answered ${response.status}`);
      cursor = response.body.nextCursor;
    }
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const bareArgs = [position.rank, position.date, position.createdAt, position.id];
    const first = sameStatement(undefined);
    const far = sameStatement(position);

    // Check both give the same page before timing them.
    const viaApi = await call(port, 'GET', `/api/v1/cases?limit=${PAGE}&cursor=${cursor}`, { headers });
    const viaSql = await db.query(far.sql, far.parameters);
    const same =
      viaApi.body.items.map((i) => i.reference).join() ===
      viaSql.rows
        .slice(0, PAGE)
        .map((r) => r.reference)
        .join();
    if (!same) throw new Error('The endpoint and the raw query disagree on the page');

    const queue = app.get(CaseQueueService);
    const dataSource = app.get(DataSource);
    console.log('Timing…');
    figures.queue = {
      firstPage: await timedTogether(SAMPLES, {
        http: () => call(port, 'GET', `/api/v1/cases?limit=${PAGE}`, { headers }),
        service: () => queue.page({ limit: PAGE }),
        typeormQuery: () => dataSource.query(first.sql, first.parameters),
        rawSql: () => db.query(first.sql, first.parameters),
        bareKeyset: () => db.query(BARE_KEYSET, [null, null, null, null]),
      }),
      farPage: {
        page: FAR_PAGE,
        ...(await timedTogether(SAMPLES, {
          http: () => call(port, 'GET', `/api/v1/cases?limit=${PAGE}&cursor=${cursor}`, { headers }),
          service: () => queue.page({ limit: PAGE, cursor }),
          typeormQuery: () => dataSource.query(far.sql, far.parameters),
          rawSql: () => db.query(far.sql, far.parameters),
          bareKeyset: () => db.query(BARE_KEYSET, bareArgs),
        })),
      },
    };
    const plan = await db.query(`EXPLAIN (ANALYZE, COSTS OFF) ${far.sql}`, far.parameters);
    figures.rawPlan = plan.rows.map((row) => row['QUERY PLAN']);
  } finally {
    await app?.close();
    await db.end();
    await database.stop();
    await rm(root, { recursive: true, force: true });
  }
  report();
}

function report() {
  const q = figures.queue;
  const row = (name, page) => {
    const ratio = (a, b) => (a / b).toFixed(1);
    return `| ${name} | ${page.http.p50.toFixed(1)} / **${page.http.p95.toFixed(1)}** | ${page.service.p50.toFixed(1)} / ${page.service.p95.toFixed(1)} | ${page.rawSql.p50.toFixed(2)} / ${page.rawSql.p95.toFixed(2)} | ${page.bareKeyset.p50.toFixed(2)} / ${page.bareKeyset.p95.toFixed(2)} | **${ratio(page.service.p95, page.rawSql.p95)}×** | ${ratio(page.http.p95, page.rawSql.p95)}× |`;
  };
  const sweepRow = (name, run) =>
    `| ${name} | ${run.accountsRecomputed.toLocaleString('en')} | ${run.casesEscalated.toLocaleString('en')} | ${run.holdsLapsed.toLocaleString('en')} | **${seconds(run.ms)} s** | ${Object.entries(
      run.stepsMs,
    )
      .map(([step, ms]) => `${step} ${seconds(ms)}`)
      .join(' · ')} |`;
  const md = [
    `# npm run bench:queue — ${new Date().toISOString()}`,
    '',
    `${N.toLocaleString('en')} cases and accounts (generated in ${figures.generateAccountsSeconds} s + ${figures.generateCasesSeconds} s), pages of ${PAGE}, ${SAMPLES} timed calls each, interleaved (ms, p50 / p95).`,
    '',
    '| queue, sort=risk | HTTP endpoint | service (in process) | the same SQL, raw | bare keyset SQL | service ÷ same SQL (p95) | HTTP ÷ same SQL (p95) |',
    '|---|---|---|---|---|---|---|',
    row('first page', q.firstPage),
    row(`page ${q.farPage.page} by cursor`, q.farPage),
    '',
    'Targets: p95 ≤ 20 ms; within 2× of the raw SQL.',
    '',
    '| sweep | accounts recomputed | cases escalated | holds lapsed | time | steps (s) |',
    '|---|---|---|---|---|---|',
    sweepRow('every account due (first run)', figures.sweepAllDue),
    sweepRow('the next run (accounts whose day came)', figures.sweepTypicalDay),
    '',
    'Target: the sweep over 1,000,000 accounts ≤ 60 s.',
    '',
    'Plan of the queue statement for the far page:',
    '',
    '```',
    ...figures.rawPlan,
    '```',
  ].join('\n');
  console.log(`\n${md}\n`);
  return Promise.all([
    writeFile(join(here, 'results', 'queue.json'), JSON.stringify(figures, null, 2)),
    writeFile(join(here, 'results', 'queue.md'), `${md}\n`),
  ]);
}

await main();
