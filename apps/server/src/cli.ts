import 'reflect-metadata';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, AppConfigModule, ConfigurationError, DomainException, loadConfig } from '@app/common';
import { AuditModule, AuditService, type Checkpoint } from '@app/audit';
import { DatabaseModule } from '@app/database';
import { ApiKeysService, IdentityModule, UsersService } from '@app/identity';
import { prepareDatabase } from './database-bootstrap.js';

const USAGE = `Usage: npm run cli -- <command> [options]

  users:create --email <e-mail> --role reviewer|legal|admin
      Creates a back-office user. The password is read from NEW_USER_PASSWORD.
  users:disable --email <e-mail>
      Disables a user and ends all their sessions.
  keys:create --name <name> --scopes <scope,scope> [--days <1-730>]
      Creates an API key (scopes: cases:read, cases:write, documents:read, accounts:write,
      holds:read, webhooks:manage). Prints it once; only its hash is kept.
  keys:revoke --id <uuid>
      Revokes an API key at once.
  mailbox [--count N]
      Development without SMTP_URL: the newest messages written to DATA_DIR/mailbox, decoded.
  audit:checkpoint
      Prints the audit chain's head ({"seq","hash"}). Keep it somewhere else: it reveals truncation.
  audit:verify [--checkpoint <file>]
      Checks the whole audit chain (and, with a saved checkpoint, that it still reaches it).
      Exits 3 and names the first broken entry if it was altered.

Works whether or not the server runs; with no DATABASE_URL it uses the embedded PostgreSQL in DATA_DIR.`;

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule, AuditModule, IdentityModule],
    };
  }
}

/** Runs one command; returns the process exit code. Output is one JSON line, never a secret. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      checkpoint: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      days: { type: 'string' },
      id: { type: 'string' },
      count: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'mailbox') return printMailbox(loadConfig(env).DATA_DIR, Number(values.count ?? 1));
  const database = await prepareDatabase(loadConfig(env));
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(database.config), { logger: false });
  try {
    const users = context.get(UsersService);
    switch (command) {
      case 'users:create': {
        const password = env.NEW_USER_PASSWORD ?? '';
        const user = await users.create(values.email ?? '', values.role ?? '', password);
        console.log(JSON.stringify({ created: user }));
        return 0;
      }
      case 'users:disable':
        await users.disable(values.email ?? '');
        console.log(JSON.stringify({ disabled: values.email }));
        return 0;
      case 'keys:create': {
        const created = await context.get(ApiKeysService).create(
          {
            name: values.name ?? '',
            scopes: (values.scopes ?? '')
              .split(',')
              .map((scope) => scope.trim())
              .filter(Boolean),
            expiresInDays: values.days === undefined ? undefined : Number(values.days),
          },
          'cli',
        );
        console.log(JSON.stringify({ created }));
        return 0;
      }
      case 'keys:revoke':
        console.log(JSON.stringify({ revoked: await context.get(ApiKeysService).revoke(values.id ?? '', 'cli') }));
        return 0;
      case 'audit:checkpoint':
        console.log(JSON.stringify(await context.get(AuditService).checkpoint()));
        return 0;
      case 'audit:verify': {
        const checkpoint = values.checkpoint
          ? (JSON.parse(await readFile(values.checkpoint, 'utf8')) as Checkpoint)
          : undefined;
        const verdict = await context.get(AuditService).verify(checkpoint);
        console.log(JSON.stringify(verdict));
        return verdict.ok ? 0 : 3;
      }
      default:
        console.error(`Unknown command ${command}.\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DomainException) {
      console.error(error.errors?.map((e) => `${e.field}: ${e.message}`).join('\n') ?? error.detail);
      return 1;
    }
    throw error;
  } finally {
    await context.close();
    await database.stop();
  }
}

/** What a family would have received, for development without SMTP (mailparser is a dev dependency). */
async function printMailbox(dataDir: string, count: number): Promise<number> {
  const folder = join(dataDir, 'mailbox');
  const files = await readdir(folder).catch(() => [] as string[]);
  const dated = await Promise.all(files.map(async (name) => ({ name, at: (await stat(join(folder, name))).mtimeMs })));
  const { simpleParser } = await import('mailparser');
  for (const { name } of dated.sort((a, b) => b.at - a.at).slice(0, count)) {
    const mail = await simpleParser(await readFile(join(folder, name)));
    const to = Array.isArray(mail.to) ? mail.to.map((address) => address.text).join(', ') : (mail.to?.text ?? '');
    console.log(`To: ${to}\nSubject: ${mail.subject ?? ''}\n\n${mail.text ?? ''}\n${'-'.repeat(72)}`);
  }
  if (files.length === 0) console.log(`No messages in ${folder} yet.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ConfigurationError ? error.message : error);
      process.exit(1);
    },
  );
}
