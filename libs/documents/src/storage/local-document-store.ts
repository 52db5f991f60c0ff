import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { DocumentStore, type StoredObject } from './document-store.js';

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Local disk: `staging/<uuid>` while uploading, `objects/<first two hex>/<uuid>` once committed.
 * Staging and objects share one file system, so promotion is an atomic rename.
 */
export class LocalDocumentStore extends DocumentStore {
  private readonly stagingDir: string;
  private readonly objectsDir: string;
  /** Shard folders known to exist, so promotion does not ask the file system every time. */
  private readonly shards = new Set<string>();

  constructor(root: string) {
    super();
    this.stagingDir = join(resolve(root), 'staging');
    this.objectsDir = join(resolve(root), 'objects');
  }

  async init(): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true, mode: 0o700 });
    await mkdir(this.objectsDir, { recursive: true, mode: 0o700 });
  }

  createStaging(): { stagingId: string; stream: Writable } {
    const stagingId = randomUUID();
    // flush: fsync on close, so an acknowledged upload survives a power cut.
    const stream = createWriteStream(this.stagingPath(stagingId), { flags: 'wx', mode: 0o600, flush: true });
    return { stagingId, stream };
  }

  async promote(stagingId: string, key: string): Promise<void> {
    const target = this.objectPath(key);
    const shard = join(target, '..');
    if (!this.shards.has(shard)) {
      await mkdir(shard, { recursive: true, mode: 0o700 });
      this.shards.add(shard);
    }
    await rename(this.stagingPath(stagingId), target);
    await fsyncDirectory(shard);
  }

  async discardStaging(stagingId: string): Promise<void> {
    await unlinkIfPresent(this.stagingPath(stagingId));
  }

  async remove(key: string): Promise<void> {
    await unlinkIfPresent(this.objectPath(key));
  }

  openRead(key: string): Readable {
    return createReadStream(this.objectPath(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.objectPath(key)).then(
      () => true,
      () => false,
    );
  }

  async *listObjects(): AsyncIterable<StoredObject> {
    for (const shard of await readdirIfPresent(this.objectsDir)) {
      yield* listFiles(join(this.objectsDir, shard));
    }
  }

  listStaging(): AsyncIterable<StoredObject> {
    return listFiles(this.stagingDir);
  }

  private stagingPath(stagingId: string): string {
    assertKey(stagingId);
    return join(this.stagingDir, stagingId);
  }

  private objectPath(key: string): string {
    assertKey(key);
    return join(this.objectsDir, key.slice(0, 2), key);
  }
}

/** Keys are server-generated UUIDs; refusing anything else rules out path tricks for good. */
function assertKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error('Invalid storage key');
}

async function* listFiles(dir: string): AsyncIterable<StoredObject> {
  for (const name of await readdirIfPresent(dir)) {
    if (!KEY_PATTERN.test(name)) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile()) yield { key: name, modifiedAt: info.mtime };
  }
}

async function readdirIfPresent(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
}

async function unlinkIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
