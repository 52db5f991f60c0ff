import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger interface over pino, so framework and application messages come out as the same
 * JSON lines as the request log. `logger.error({ err }, message)` style objects are kept as fields.
 */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  /** Ignored: the level comes from LOG_LEVEL. */
  setLogLevels(): void {
    return;
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (the class name) last.
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const extra = context === undefined ? rest : rest.slice(0, -1);
    const fields: Record<string, unknown> = context ? { context } : {};
    if (typeof message === 'object' && message !== null) {
      const text = extra.find((item): item is string => typeof item === 'string');
      this.pino[level]({ ...fields, ...message }, text);
      return;
    }
    if (typeof extra[0] === 'string') fields.stack = extra[0];
    this.pino[level](fields, String(message));
  }
}
