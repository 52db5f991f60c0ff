import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { initialiseCluster } from './initialise-cluster.js';
import { logFile, pgCtl, shellQuote } from './pg-ctl.js';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` database (`?host=` names the socket folder). */
  url: string;
  /** Stops the cluster if this process started it; a cluster found running is left alone. */
  stop(): Promise<void>;
}

interface Options {
  /** Folder holding the cluster (`postgres/`, with `postmaster.pid` and `postmaster.log`) and its password file. */
  dataDir: string;
  /**
   * Listen on localhost at this TCP port too (psql, a GUI). Without it the cluster has no TCP
   * listener at all, only a Unix socket in its own folder: two checkouts, or the tests beside a
   * running server, never compete for a port.
   */
  port?: number;
}

/** The socket file's number when no port is asked for: libpq's default, so `psql -h <folder>` needs no -p. */
const SOCKET_PORT = 5432;

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
  const joined = async () => {
    const running = await runningCluster(databaseDir);
    return running && { url: urlFor(running, password), stop: () => Promise.resolve() };
  };

  const alreadyRunning = await joined();
  if (alreadyRunning) return alreadyRunning;
  if (!(await exists(join(databaseDir, 'PG_VERSION')))) await initialiseCluster(databaseDir, password);

  // A deep checkout's socket path would pass the kernel's limit: it listens on a free loopback port instead.
  const socketDir = fitsSocketPath(databaseDir) ? databaseDir : undefined;
  const port = options.port ?? (socketDir ? SOCKET_PORT : await freePort());
  const tcp = options.port !== undefined || !socketDir;
  const settings = ['-p', String(port), '-c', `listen_addresses=${tcp ? 'localhost' : ''}`];
  settings.push('-c', `unix_socket_directories=${socketDir ?? ''}`);
  try {
    await pgCtl(databaseDir, [
      'start',
      '-w',
      '-t',
      '60',
      '-s',
      '-l',
      logFile(databaseDir),
      '-o',
      settings.map(shellQuote).join(' '),
    ]);
  } catch (error) {
    const winner = await joined(); // another process started it at the same moment
    if (winner) return winner;
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start` +
        (tcp ? ` on port ${port} (is it taken? set EMBEDDED_POSTGRES_PORT to another, or leave it unset)` : '') +
        '. Set DATABASE_URL to use another server. Running as root, every folder above the data folder' +
        ` must be readable by the postgres user.\n${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return {
    url: urlFor({ port, socketDir }, password),
    stop: async () => {
      if (await runningCluster(databaseDir)) await pgCtl(databaseDir, ['stop', '-w', '-s', '-m', 'fast']);
    },
  };
}

/** node-postgres, pg-boss and TypeORM (which hands the URL to pg) all read `?host=/folder` as the socket. */
function urlFor(cluster: { port: number; socketDir?: string }, password: string): string {
  const url = `postgres://postgres:${encodeURIComponent(password)}@localhost:${cluster.port}/postgres`;
  return cluster.socketDir ? `${url}?host=${encodeURIComponent(cluster.socketDir)}` : url;
}

/** Unix socket paths are limited to 107 bytes. */
function fitsSocketPath(dir: string): boolean {
  return Buffer.byteLength(join(dir, '.s.PGSQL.65535')) <= 107;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error())));
    });
    server.on('error', reject);
  });
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
  return isAlive(pid) ? { port, socketDir: lines[4]?.trim() || undefined } : undefined; // else a crash's stale file
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
