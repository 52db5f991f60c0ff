import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { DomainException } from '@app/common';
import { type DocumentCipher } from '../crypto/document-cipher.js';
import { type DocumentStore } from '../storage/document-store.js';
import { ChunkCoalescer } from './chunk-coalescer.js';
import { DigestMeter } from './digest-meter.js';
import { judgeFileName, nameForMediaType } from './file-name.js';
import { MediaTypeSniffer } from './media-type-sniffer.js';
import { type StagedUpload, StorageFailure } from './staged-upload.js';

type IncomingFile = Express.Multer.File & { staged?: StagedUpload };

const uploadsInFlight = new WeakMap<Request, Promise<void>[]>();

function trackUpload(req: Request, done: Promise<void>): void {
  uploadsInFlight.set(req, [...(uploadsInFlight.get(req) ?? []), done]);
}

/**
 * Resolves once every file of the request has been stored or cleaned up. Multer answers a broken
 * request at once; waiting for this first means a refusal never leaves a staging file behind.
 */
export async function uploadsSettled(req: Request): Promise<void> {
  await Promise.all(uploadsInFlight.get(req) ?? []);
}

/**
 * A multer storage engine that never holds a whole file in memory: the part is streamed through
 * the type sniffer, the SHA-256 meter and the cipher into a staging file. Any failure removes it.
 */
export class EncryptingUploadStorage implements StorageEngine {
  constructor(
    private readonly store: DocumentStore,
    private readonly cipher: DocumentCipher,
  ) {}

  _handleFile(
    req: Request,
    file: IncomingFile,
    callback: (error?: unknown, info?: Partial<IncomingFile>) => void,
  ): void {
    const { stagingId, stream: target } = this.store.createStaging();
    let settle = (): void => undefined;
    trackUpload(req, new Promise<void>((resolve) => (settle = resolve)));
    const sniffer = new MediaTypeSniffer();
    const meter = new DigestMeter();
    const encryption = this.cipher.encrypt();
    pipeline(file.stream, new ChunkCoalescer(), sniffer, meter, encryption.stream, target).then(
      () => {
        const verdict = judgeFileName(file.originalname);
        const mediaType = sniffer.mediaType ?? 'application/octet-stream';
        const staged: StagedUpload = {
          stagingId,
          // The stored name carries the extension of what the bytes are, never one they contradict.
          fileName: nameForMediaType(verdict.ok ? verdict.name : 'document', mediaType),
          mediaType,
          size: meter.size,
          sha256: meter.sha256,
          sealed: encryption.seal(),
        };
        settle();
        callback(null, { staged, size: meter.size });
      },
      (error: unknown) => {
        const reason = error instanceof DomainException ? error : new StorageFailure(error);
        // The staging file may still be opening when the pipeline fails: remove it only once closed.
        const closed = target.closed ? Promise.resolve() : new Promise((resolve) => target.once('close', resolve));
        closed
          .then(() => this.store.discardStaging(stagingId))
          .finally(settle)
          .then(
            () => callback(reason),
            () => callback(reason),
          );
      },
    );
  }

  _removeFile(_req: Request, file: IncomingFile, callback: (error: Error | null) => void): void {
    if (!file.staged) {
      callback(null);
      return;
    }
    this.store.discardStaging(file.staged.stagingId).then(
      () => callback(null),
      (error: unknown) => callback(error as Error),
    );
  }
}
