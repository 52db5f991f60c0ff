import type { SealedKey } from '../crypto/document-cipher.js';

/** A fully received, checked and encrypted upload, waiting under its staging name to be committed. */
export interface StagedUpload {
  stagingId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  sealed: SealedKey;
}

/** An I/O failure on our side while storing an upload (disk full, permissions): a 500, not the client's fault. */
export class StorageFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(`Storing the upload failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StorageFailure';
  }
}
