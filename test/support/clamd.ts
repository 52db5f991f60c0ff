import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The EICAR test file: harmless, and detected by every scanner as if it were malware. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A real clamd from Debian's clamav-daemon, on its own socket, knowing one custom signature: EICAR
 * (no official signatures can be downloaded here). `stop` and `start` simulate the scanner going
 * down and coming back.
 */
export class Clamd {
  private process: ChildProcess | undefined;
  private constructor(
    private readonly dir: string,
    readonly socket: string,
  ) {}

  static async create(): Promise<Clamd> {
    if (spawnSync('clamd', ['--version']).error) {
      throw new Error("ClamAV's clamd is needed for this suite: apt-get install clamav-daemon (.ci/run does)");
    }
    const dir = await mkdtemp(join(tmpdir(), 'nok-clamd-'));
    const socket = join(dir, 'clamd.sock');
    const signature = Buffer.from(EICAR, 'latin1').toString('hex');
    await writeFile(join(dir, 'eicar.ndb'), `Eicar-Test-Signature:0:*:${signature}\n`);
    await writeFile(
      join(dir, 'clamd.conf'),
      [
        `LocalSocket ${socket}`,
        `DatabaseDirectory ${dir}`,
        'Foreground yes',
        // As root, clamd would otherwise switch to the clamav user, who cannot read this folder.
        ...(process.getuid?.() === 0 ? ['User root'] : []),
        `LogFile ${join(dir, 'clamd.log')}`,
        '',
      ].join('\n'),
    );
    const clamd = new Clamd(dir, socket);
    await clamd.start();
    return clamd;
  }

  async start(): Promise<void> {
    this.process = spawn('clamd', ['-c', join(this.dir, 'clamd.conf')], { stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    while (!existsSync(this.socket)) {
      if (Date.now() > deadline) throw new Error('clamd did not open its socket within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    await rm(this.socket, { force: true });
  }

  async close(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
