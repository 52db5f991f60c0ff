import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` while holding `file`, so two builds in one checkout (`npm start` and the CLI, say) never
 * write dist/ at once. The file names its holder's pid: a lock left by a killed build is taken over.
 */
export async function withLock(file, work) {
  mkdirSync(dirname(file), { recursive: true });
  let waiting = false;
  while (!tryLock(file)) {
    if (!waiting) console.error(`Waiting for the build running in this checkout (${file})…`);
    waiting = true;
    await sleep(200);
  }
  const release = () => rmSync(file, { force: true });
  process.on('exit', release); // also when a step fails and the build exits
  try {
    return await work();
  } finally {
    release();
    process.off('exit', release);
  }
}

function tryLock(file) {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (!isAlive(holder(file))) rmSync(file, { force: true }); // its holder is gone
    return false;
  }
}

/** The holder's pid; undefined while it is still writing it, or once it released the lock. */
function holder(file) {
  try {
    return Number(readFileSync(file, 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid) {
  if (pid === undefined) return true; // not known yet: look again
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
