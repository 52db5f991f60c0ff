import { jest } from '@jest/globals';
import { runCli } from '../../apps/server/src/cli.js';

export interface CliResult {
  code: number;
  /** What it printed with console.log, a line each. */
  out: string;
  /** What it printed with console.error, a line each. */
  err: string;
}

/** Runs the command line in this process, with `env` as its environment, and keeps what it prints. */
export async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = jest.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    const code = await runCli(args, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
