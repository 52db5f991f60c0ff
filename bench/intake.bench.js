// npm run bench:intake: upload memory and intake throughput, against a bare Express + multer
// baseline measured in the same run. Prints a table and writes bench/results/intake.{json,md}.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  call,
  freePort,
  jsonBody,
  MiB,
  multipartBody,
  pdfOfSize,
  rssBytes,
  runPool,
  sampleRss,
  startProcess,
  stopProcess,
  waitForHealth,
} from './lib.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const serverScript = join(here, '..', 'dist', 'apps', 'server', 'src', 'main.js');
const CASES = Number(process.env.BENCH_CASES ?? 300);
const CONCURRENCY = 16;
const LARGE_UPLOADS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const intakeBody = {
  requestType: 'RELEASE_DATA',
  subject: {
    status: 'DECEASED',
    fullName: 'Bench Subject',
    accountEmail: 'bench@outlook.com',
    countryOfResidence: 'DE',
    dateOfDeath: '2026-01-01',
  },
  requester: {
    fullName: 'Bench Requester',
    email: 'bench@example.org',
    relationship: 'CHILD',
    countryOfResidence: 'DE',
    language: 'de',
  },
};

async function createCase(port) {
  const response = await call(port, 'POST', '/api/v1/requests', jsonBody(intakeBody));
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function uploadDocument(port, created, file, type = 'DEATH_CERTIFICATE') {
  const form = multipartBody({ type }, file, 'bench.pdf');
  form.headers.authorization = `Bearer ${created.accessToken}`;
  const response = await call(port, 'POST', `/api/v1/requests/${created.reference}/documents`, form);
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
}

/** One family request: create it, then send three 1 MiB documents. */
function familyRequest(port) {
  const file = pdfOfSize(MiB);
  const types = ['DEATH_CERTIFICATE', 'DECEASED_ID', 'INHERITANCE_CERTIFICATE'];
  return async () => {
    const created = await createCase(port);
    for (const type of types) await uploadDocument(port, created, file, type);
  };
}

async function measureThroughput(port, cases) {
  const started = process.hrtime.bigint();
  const errors = await runPool(cases, CONCURRENCY, familyRequest(port));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { requestsPerSecond: cases / seconds, errors: errors.length, firstError: errors[0]?.message };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Both servers run side by side; measurement windows alternate between them, so drift in what
 * else the machine is doing affects both alike. Reports the median of the rounds.
 */
async function throughput(ourPort, basePort) {
  await runPool(32, CONCURRENCY, familyRequest(ourPort)); // warm-up
  await runPool(32, CONCURRENCY, familyRequest(basePort));
  const rounds = { ours: [], baseline: [] };
  const errors = { ours: 0, baseline: 0 };
  let firstError;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, port] of [
      ['ours', ourPort],
      ['baseline', basePort],
    ]) {
      const result = await measureThroughput(port, Math.ceil(CASES / ROUNDS));
      rounds[name].push(result.requestsPerSecond);
      errors[name] += result.errors;
      firstError ??= result.firstError;
    }
  }
  return { ours: median(rounds.ours), baseline: median(rounds.baseline), rounds, errors, firstError };
}

async function memory(port, pid) {
  const cases = [];
  for (let i = 0; i < LARGE_UPLOADS; i++) cases.push(await createCase(port));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = rssBytes(pid);
  const file = pdfOfSize(25 * MiB);
  const sampler = sampleRss(pid);
  const errors = await runPool(LARGE_UPLOADS, LARGE_UPLOADS, (i) => uploadDocument(port, cases[i], file));
  const peak = sampler.stop();
  return {
    idleMiB: idle / MiB,
    peakMiB: peak / MiB,
    growthMiB: (peak - idle) / MiB,
    errors: errors.length,
    firstError: errors[0]?.message,
  };
}

const root = await mkdtemp(join(tmpdir(), 'nok-bench-'));
await chmod(root, 0o755);
const serverEnv = {
  NODE_ENV: 'development',
  DATA_DIR: join(root, 'data'),
  UPLOAD_DIR: join(root, 'uploads'),
  EMBEDDED_POSTGRES_PORT: String(freePort()),
  LOG_LEVEL: 'warn',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '10000000',
  DATABASE_URL: '',
  UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '4',
};
const ourPort = freePort();
const basePort = freePort();
const ourServer = startProcess(serverScript, { ...serverEnv, PORT: String(ourPort) });
const baseServer = startProcess(join(here, 'baseline-server.js'), {
  BASELINE_UPLOAD_DIR: join(root, 'baseline'),
  PORT: String(basePort),
});
try {
  await Promise.all([waitForHealth(ourPort), waitForHealth(basePort)]);
  const memoryOurs = await memory(ourPort, ourServer.pid);
  const memoryBaseline = await memory(basePort, baseServer.pid);
  const speed = await throughput(ourPort, basePort);
  const ours = {
    memory: memoryOurs,
    throughput: { requestsPerSecond: speed.ours, megabytesPerSecond: speed.ours * 3 },
  };
  const baseline = {
    memory: memoryBaseline,
    throughput: { requestsPerSecond: speed.baseline, megabytesPerSecond: speed.baseline * 3 },
  };
  const errorsOurs = memoryOurs.errors + speed.errors.ours;
  const errorsBaseline = memoryBaseline.errors + speed.errors.baseline;

  const ratio = speed.ours / speed.baseline;
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    settings: {
      cases: CASES,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      documentsPerRequest: 3,
      documentMiB: 1,
      largeUploads: LARGE_UPLOADS,
      largeUploadMiB: 25,
    },
    ours,
    baseline,
    rounds: speed.rounds,
    throughputRatio: ratio,
    targets: {
      peakRssGrowthUnder100MiB: ours.memory.growthMiB < 100,
      throughputAtLeast60PercentOfBaseline: ratio >= 0.6,
    },
  };
  const f = (n) => n.toFixed(1);
  const table = [
    '| measure | Next of Kin | bare Express + multer | target |',
    '|---|---:|---:|---|',
    `| 20 × 25 MiB concurrent uploads: RSS idle → peak (MiB) | ${f(ours.memory.idleMiB)} → ${f(ours.memory.peakMiB)} | ${f(baseline.memory.idleMiB)} → ${f(baseline.memory.peakMiB)} | |`,
    `| peak RSS growth over idle (MiB) | **${f(ours.memory.growthMiB)}** | ${f(baseline.memory.growthMiB)} | < 100 ${result.targets.peakRssGrowthUnder100MiB ? '✅' : '❌'} |`,
    `| requests (create + 3 × 1 MiB) per second, concurrency 16 | **${f(ours.throughput.requestsPerSecond)}** | ${f(baseline.throughput.requestsPerSecond)} | |`,
    `| document MiB per second | ${f(ours.throughput.megabytesPerSecond)} | ${f(baseline.throughput.megabytesPerSecond)} | |`,
    `| throughput relative to baseline | **${(ratio * 100).toFixed(0)} %** | 100 % | ≥ 60 % ${result.targets.throughputAtLeast60PercentOfBaseline ? '✅' : '❌'} |`,
    `| errors | ${errorsOurs} | ${errorsBaseline} | 0 |`,
  ].join('\n');
  const roundsLine = `Requests/s per round: ours ${speed.rounds.ours.map(f).join(', ')}; baseline ${speed.rounds.baseline.map(f).join(', ')}.`;
  const resultsDir = join(here, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'intake.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(
    join(resultsDir, 'intake.md'),
    `${table}\n\n${roundsLine}\nMedian of ${ROUNDS} alternating rounds, ${CASES} requests each side, ${result.machine.cpus} cores, Node ${process.version}, ${result.at}\n`,
  );
  console.log(table);
  console.log(roundsLine);
  if (speed.firstError || memoryOurs.firstError) console.log('first error:', speed.firstError ?? memoryOurs.firstError);
} finally {
  await Promise.all([stopProcess(ourServer), stopProcess(baseServer)]);
  await rm(root, { recursive: true, force: true });
}
