import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, type DocumentType, type ServedVia, certainlyRolledBack } from '@app/common';
import { DocumentCipher } from './crypto/document-cipher.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentStore } from './storage/document-store.js';
import type { StagedUpload } from './upload/staged-upload.js';

export interface DocumentFields {
  type: DocumentType;
  servedVia?: ServedVia;
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly store: DocumentStore,
    private readonly cipher: DocumentCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Commits a staged upload together with its row. The file is moved to its final place first;
   * then `persist` writes the row in one transaction. If that certainly rolled back, the file is
   * removed at once. If the outcome is unknown (the connection dropped during COMMIT, which may
   * have reached disk) or the process crashes, the file stays for the orphan sweep, which removes
   * it only once the database confirms no row points to it. So a row never points to a missing file.
   */
  async commit<T>(
    staged: StagedUpload,
    fields: DocumentFields,
    caseId: string,
    persist: (document: DocumentEntity) => Promise<T>,
  ): Promise<T> {
    const document = Object.assign(new DocumentEntity(), {
      id: randomUUID(),
      caseId,
      type: fields.type,
      servedVia: fields.servedVia ?? null,
      fileName: staged.fileName,
      mediaType: staged.mediaType,
      size: staged.size,
      sha256: staged.sha256,
      storageKey: randomUUID(),
      keyId: staged.sealed.keyId,
      wrappedKey: staged.sealed.wrappedKey,
      contentIv: staged.sealed.contentIv,
      contentTag: staged.sealed.contentTag,
      verification: 'PENDING',
      rejectionReason: null,
      scanStatus: this.config.CLAMD_SOCKET ? 'PENDING' : 'NOT_SCANNED',
      scannedAt: null,
      scanFinding: null,
      createdAt: this.clock.now(),
    } satisfies DocumentEntity);
    let rowAttempted = false;
    try {
      await this.store.promote(staged.stagingId, document.storageKey);
      rowAttempted = true;
      return await persist(document);
    } catch (error) {
      if (!rowAttempted || certainlyRolledBack(error)) {
        await this.store.remove(document.storageKey).catch(() => undefined); // the orphan sweep is the backstop
      }
      throw error;
    }
  }

  /** The decrypted content; the stream errors if the stored bytes were altered. */
  openContent(document: DocumentEntity): Readable {
    const decrypt = this.cipher.decrypt(document);
    const ciphertext = this.store.openRead(document.storageKey);
    ciphertext.on('error', (error) => decrypt.destroy(error));
    return ciphertext.pipe(decrypt);
  }
}
