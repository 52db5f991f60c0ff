// Checks that package.json's `engines.node` claims no Node version that an installed dependency
// (production or dev, from package-lock.json) refuses in its own `engines.node`; it also names the
// packages that refuse the Node running this script. Exits 1 when the claim is too wide.
// Usage: node scripts/check-engines.js
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// semver is not ours: it comes with the dev tools (ts-jest, typescript-eslint), as it does with npm.
const semver = createRequire(join(root, 'package.json'))('semver');

const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const claimed = project.engines?.node ?? '*';
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

const narrower = [];
const refuseThisNode = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!path) continue; // the project itself
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8'));
  } catch {
    continue; // an optional package for another platform, not installed
  }
  const range = manifest.engines?.node;
  if (!range || !semver.validRange(range)) continue;
  const name = `${manifest.name}@${manifest.version}${entry.dev ? ' (dev)' : ''}: node ${range}`;
  if (!semver.subset(claimed, range)) narrower.push(name);
  if (!semver.satisfies(process.version, range)) refuseThisNode.push(name);
}

if (refuseThisNode.length > 0) {
  console.log(`Declared not to support this Node (${process.version}):\n  ${refuseThisNode.sort().join('\n  ')}`);
}
if (narrower.length > 0) {
  console.error(`package.json claims node ${claimed}, wider than:\n  ${[...new Set(narrower)].sort().join('\n  ')}`);
  process.exit(1);
}
console.log(`package.json's node ${claimed} is within what every installed package declares.`);
