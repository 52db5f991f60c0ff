import type { Readable, Writable } from 'node:stream';

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/**
 * Where encrypted document bytes live. Uploads are written to a staging name, then promoted to
 * their final key as the last step before their database row commits.
 */
export abstract class DocumentStore {
  /** A new, unique staging location and a stream that writes (and on close, flushes) to it. */
  abstract createStaging(): { stagingId: string; stream: Writable };
  /** Moves a staged file to its final key, durably. */
  abstract promote(stagingId: string, key: string): Promise<void>;
  abstract discardStaging(stagingId: string): Promise<void>;
  abstract remove(key: string): Promise<void>;
  abstract openRead(key: string): Readable;
  abstract exists(key: string): Promise<boolean>;
  abstract listObjects(): AsyncIterable<StoredObject>;
  abstract listStaging(): AsyncIterable<StoredObject>;
}
