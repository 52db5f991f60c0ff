// npm run bench:login-flood: /api/health latency while 100 logins arrive at once (issue #14).
// The login limiters are raised out of the way, so what is measured is the argon2 work: every
// login, even for an unknown e-mail, checks a hash. Prints the figures as JSON.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, freePort, jsonBody, startProcess, stopProcess, waitForHealth } from './lib.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const serverScript = join(here, '..', 'dist', 'apps', 'server', 'src', 'main.js');
const LOGINS = Number(process.env.BENCH_LOGINS ?? 100);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function healthLatency(port) {
  const start = process.hrtime.bigint();
  const response = await call(port, 'GET', '/api/health');
  if (response.status !== 200) throw new Error(`health: ${response.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const root = await mkdtemp(join(tmpdir(), 'nok-bench-'));
await chmod(root, 0o755);
const port = freePort();
const server = startProcess(serverScript, {
  NODE_ENV: 'development',
  DATA_DIR: join(root, 'data'),
  UPLOAD_DIR: join(root, 'uploads'),
  EMBEDDED_POSTGRES_PORT: String(freePort()),
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
  JOBS_ENABLED: 'false',
  LOGIN_ATTEMPTS_PER_15_MINUTES: '1000000',
  LOGIN_FAILURES_PER_ADDRESS_PER_15_MINUTES: '1000000',
  UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '4',
  PORT: String(port),
});
try {
  await waitForHealth(port);
  const idle = [];
  for (let i = 0; i < 20; i++) idle.push(await healthLatency(port));

  const statuses = {};
  const started = Date.now();
  const flood = Promise.all(
    Array.from({ length: LOGINS }, (_, i) =>
      call(port, 'POST', '/api/v1/auth/login', jsonBody({ email: `nobody${i}@example.org`, password: 'wrong' })).then(
        (response) => (statuses[response.status] = (statuses[response.status] ?? 0) + 1),
      ),
    ),
  );
  let done = false;
  void flood.then(() => (done = true));
  const during = [];
  while (!done) during.push(await healthLatency(port));
  await flood;

  console.log(
    JSON.stringify(
      {
        logins: LOGINS,
        loginStatuses: statuses,
        floodMs: Date.now() - started,
        healthIdleP50Ms: percentile(idle, 50),
        healthDuringFloodSamples: during.length,
        healthDuringFloodP50Ms: percentile(during, 50),
        healthDuringFloodP95Ms: percentile(during, 95),
        healthDuringFloodMaxMs: Math.max(...during),
      },
      null,
      2,
    ),
  );
} finally {
  await stopProcess(server);
  await rm(root, { recursive: true, force: true });
}
