// Builds into dist/ only what changed since the last build: the server (tsc, incremental, then
// tsc-alias) and the web UI (vite). Never empties dist/, so a running server keeps serving while the
// CLI or a second `npm start` builds beside it. Usage: node scripts/build.js [server] [web]
// Messages go to stderr: `npm run cli` prints machine-readable JSON on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.js';
import { withLock } from './lock.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** A package's command, run with this Node (no shell, no PATH lookup). */
function bin(pkg, command = pkg) {
  const folder = join(root, 'node_modules', pkg);
  const { bin: bins } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return join(folder, typeof bins === 'string' ? bins : bins[command]);
}
const notTests = (path) => !/\.(spec|test)\.ts$/.test(path);

/** What each target is built from, what it must leave behind, and how it is built. */
const TARGETS = {
  server: {
    label: 'server',
    inputs: ['apps/server/src', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    include: notTests,
    outputs: ['dist/apps/server/src/main.js', 'dist/apps/server/src/cli.js'],
    steps: [
      // tsconfig.build.json keeps tsc's incremental state in dist/, so it goes when dist/ goes.
      [bin('typescript', 'tsc'), '-p', 'tsconfig.build.json'],
      [bin('tsc-alias'), '-p', 'tsconfig.build.json', '--resolve-full-paths'],
    ],
  },
  web: {
    label: 'web UI',
    // The UI also bundles libs/common's vocabulary (vite.config.ts) and the installed packages.
    inputs: ['apps/web', 'libs/common/src', 'package-lock.json'],
    include: notTests,
    outputs: ['dist/web/index.html'],
    steps: [[bin('vite'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']],
  },
};

const STATE = join(root, 'dist', 'build-state.json');

const names = process.argv.slice(2);
for (const name of names) if (!(name in TARGETS)) fail(`Unknown build target "${name}" (server, web)`);

await withLock(join(root, 'dist', 'build.lock'), () => {
  for (const name of names.length > 0 ? names : Object.keys(TARGETS)) build(name, TARGETS[name]);
});

function build(name, target) {
  const state = existsSync(STATE) ? JSON.parse(readFileSync(STATE, 'utf8')) : {};
  const current = fingerprint(root, target.inputs, target.include);
  const built = target.outputs.every((output) => existsSync(join(root, output)));
  if (built && state[name] === current) return;

  const started = Date.now();
  console.error(`Building the ${target.label} into dist/…`);
  // Every step runs even after one failed: tsc emits despite type errors, and tsc-alias must still
  // rewrite what it wrote, or dist/ would be left with @app/ imports that Node cannot load.
  const failed = target.steps
    .map(([script, ...args]) => {
      // The tools' output (tsc prints its errors on stdout) goes to stderr too.
      const { status } = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 2, 2] });
      return status === 0 ? undefined : `${script.split('node_modules/')[1]} exited with ${status}`;
    })
    .filter(Boolean);
  if (failed.length > 0) fail(`Building the ${target.label} failed (${failed.join(', ')})`);
  writeFileSync(STATE, JSON.stringify({ ...state, [name]: current }, null, 2));
  console.error(`Built the ${target.label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
