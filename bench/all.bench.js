// npm run bench: every benchmark in turn (each measures its own baseline in the same run), then one
// table of all their figures in bench/results/summary.{md,json}.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Each benchmark: its script, and the results it writes (results/<name>.{md,json}). */
const BENCHMARKS = [
  { name: 'intake', title: 'Intake: upload memory and throughput, against bare Express + multer' },
  { name: 'queue', title: 'The risk queue and the daily sweep, against the raw SQL' },
];

const sections = [];
const figures = { at: new Date().toISOString(), node: process.version, benchmarks: {} };
for (const { name, title } of BENCHMARKS) {
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, [join(here, `${name}.bench.js`)], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    console.error(`${name} failed (exit ${String(run.status)})`);
    process.exitCode = 1;
    sections.push(`## ${title}\n\nFailed in this run (exit ${String(run.status)}).`);
    continue;
  }
  const [markdown, json] = await Promise.all([
    readFile(join(here, 'results', `${name}.md`), 'utf8'),
    readFile(join(here, 'results', `${name}.json`), 'utf8'),
  ]);
  sections.push(`## ${title}\n\n${markdown.trim()}`);
  figures.benchmarks[name] = JSON.parse(json);
}
const summary = `# Benchmarks (${figures.at}, Node ${process.version})\n\n${sections.join('\n\n')}\n`;
await writeFile(join(here, 'results', 'summary.md'), summary);
await writeFile(join(here, 'results', 'summary.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\n${summary}`);
