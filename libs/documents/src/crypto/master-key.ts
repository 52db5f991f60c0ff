import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from '@app/common';

export interface MasterKey {
  /** Short fingerprint stored with each document, so a rotated key can be told apart. */
  id: string;
  key: Buffer;
}

/**
 * The key that wraps every document's data key. From DOCUMENT_MASTER_KEY when set (production
 * refuses to start without it, see AppConfig); in development generated once into the data folder.
 */
export async function resolveMasterKey(config: AppConfig): Promise<MasterKey> {
  if (config.DOCUMENT_MASTER_KEY) return fromBytes(Buffer.from(config.DOCUMENT_MASTER_KEY, 'base64'));
  if (config.isProduction) throw new Error('DOCUMENT_MASTER_KEY is required in production');
  const file = join(resolve(config.DATA_DIR), 'document-master.key');
  return fromBytes(await readOrCreateKeyFile(file));
}

function fromBytes(key: Buffer): MasterKey {
  if (key.length !== 32) throw new Error('The document master key must be 32 bytes');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    await mkdir(dirname(file), { recursive: true });
    // wx: if two processes race on first start, the loser reads the winner's key.
    await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  }
}
