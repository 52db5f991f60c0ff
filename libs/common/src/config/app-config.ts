import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidateIf,
} from 'class-validator';

const MiB = 1024 * 1024;

/** A base64 string that decodes to exactly 32 bytes (an AES-256 key). */
const BASE64_256_BITS = /^[A-Za-z0-9+/]{43}=$/;

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * All configuration, read once from the environment and validated at boot.
 * Property names are the environment variables; defaults are the development values.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** An external PostgreSQL. When absent, an embedded PostgreSQL is started under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string = undefined;

  /**
   * The embedded PostgreSQL listens on a Unix socket in DATA_DIR only, so checkouts never compete for
   * a port; set this to have it listen on localhost at this port as well (psql, a GUI).
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT?: number = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  /**
   * How long a request waits for a free pooled connection (or for a new one to open) before it is
   * answered 503 with Retry-After (node-postgres' connectionTimeoutMillis).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60_000)
  DATABASE_CONNECTION_WAIT_MS = 5000;

  /** Local state: embedded PostgreSQL cluster, development master key. */
  @IsString()
  @IsNotEmpty()
  DATA_DIR = '.data';

  /** Encrypted documents (local storage driver). */
  @IsString()
  @IsNotEmpty()
  UPLOAD_DIR = 'uploads';

  /** Base64 of 32 random bytes; wraps every document's data key. Required in production. */
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.DOCUMENT_MASTER_KEY !== undefined)
  @IsDefined({ message: 'is required in production: set it to the output of openssl rand -base64 32' })
  @Matches(BASE64_256_BITS, { message: 'must be base64 of exactly 32 bytes (openssl rand -base64 32)' })
  DOCUMENT_MASTER_KEY?: string = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024 * MiB)
  MAX_FILE_SIZE_BYTES = 25 * MiB;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAX_DOCUMENTS_PER_CASE = 40;

  /** Requests per minute per client address on the public (family) endpoints. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  /** Staged or unreferenced stored files older than this are removed by the sweep. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ORPHAN_MAX_AGE_MINUTES = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  ORPHAN_SWEEP_INTERVAL_MINUTES = 15;

  /** A reviewer session ends after this long without use… */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SESSION_IDLE_MINUTES = 30;

  /** …and after this long in any case. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SESSION_MAX_HOURS = 12;

  /** Failed login attempts allowed per address and e-mail in 15 minutes; successful ones do not count. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_15_MINUTES = 10;

  /**
   * Failed login attempts allowed per address, whatever the e-mail, in 15 minutes: one address
   * cannot spray a password over many accounts. Successful ones do not count.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS_PER_15_MINUTES = 30;

  /** argon2 computations at once (each takes 64 MiB and a core); the rest wait in a queue. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = 2;

  /** Password checks allowed to wait for the hash queue; beyond that a login is answered 503 with Retry-After. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  PASSWORD_HASH_QUEUE_LENGTH = 16;

  /** Promised time to the first review action, in business days (Monday to Friday, UTC). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SLA_FIRST_REVIEW_BUSINESS_DAYS = 2;

  /** Promised time to a decision, in calendar days. Both SLA clocks pause while the family is asked. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SLA_DECISION_DAYS = 30;

  /** A case waiting for the family this long without any response expires (domain: 90 days). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  CASE_EXPIRY_DAYS = 90;

  /** When the expiry of unanswered cases runs (cron, UTC), on the job queue. */
  @IsString()
  @IsNotEmpty()
  EXPIRY_SWEEP_CRON = '5 * * * *';

  /** Days from the freeze of mail and files to their deletion: "shortly after" (domain.md §3, an assumption). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MAIL_FILES_DELETION_GRACE_DAYS = 30;

  /** Days from a closure for inactivity to permanent deletion (domain.md §3, an assumption). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  INACTIVITY_DELETION_GRACE_DAYS = 60;

  /** A preservation hold lapses when the family sent no document within this many days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  HOLD_LAPSE_DAYS = 30;

  /** The hold of a request whose e-mail address is not confirmed ends after this many days (domain.md §3). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  UNCONFIRMED_HOLD_DAYS = 7;

  /** Open cases whose subject loses data within this many days are escalated by the daily sweep. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DEADLINE_ESCALATION_DAYS = 14;

  /** When the daily deadline sweep runs (cron, UTC). Missed runs (the server was down) run once at start. */
  @IsString()
  @IsNotEmpty()
  DEADLINE_SWEEP_CRON = '15 0 * * *';

  /** Development only: webhooks may target loopback and private addresses (a receiver on this machine). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** How often each instance looks for webhook deliveries due (the job queue also runs it every minute). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEBHOOK_POLL_SECONDS = 5;

  /**
   * clamd's Unix socket (`/run/clamav/clamd.ctl` on Debian). When set, every upload is scanned before
   * a reviewer may read it, and an infected one is quarantined; unset, documents are not scanned.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CLAMD_SOCKET?: string = undefined;

  /** How long one scan may take before clamd counts as down (the document then keeps waiting). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  CLAMD_TIMEOUT_MS = 30_000;

  /** How often each instance looks for documents waiting for their scan. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  MALWARE_SCAN_POLL_SECONDS = 5;

  /** smtp://user:pass@host:587 or smtps://…; unset: messages are written to DATA_DIR/mailbox as .eml files. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string = undefined;

  /** The sender of e-mail to families. */
  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'Next of Kin <no-reply@next-of-kin.example>';

  /** Where the family portal lives: links in e-mail point here. Unset: this server, http://localhost:PORT. */
  @IsString()
  @IsNotEmpty()
  PUBLIC_URL = '';

  /** The built web UI (`npm run build` writes it here); served on the API's origin when present. */
  @IsString()
  @IsNotEmpty()
  WEB_DIR = 'dist/web';

  /** A case goes to review only once the requester confirmed their e-mail address. */
  @Transform(toBoolean)
  @IsBoolean()
  REQUIRE_EMAIL_VERIFICATION = true;

  /** Runs the PostgreSQL job queue (pg-boss) in this process: scheduled sweeps. Off for one-off tools. */
  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (client address for rate limits). */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the environment. Throws a ConfigurationError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw = Object.fromEntries(
    known.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const config = Object.assign(plainToInstance(AppConfig, raw), overrides);
  config.PUBLIC_URL ||= `http://localhost:${config.PORT}`;
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`));
  }
  return config;
}
