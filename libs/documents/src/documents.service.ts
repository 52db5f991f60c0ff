import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, type DocumentType, type ServedVia } from '@app/common';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly cipher: DocumentCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Commits a staged upload together with its row. `admit` runs first inside the transaction (locks,
   * limits); the file is promoted last, right before COMMIT. If anything fails, including the
   * COMMIT itself, neither the row nor the file remains.
   */
  async commit(
    staged: StagedUpload,
    fields: DocumentFields,
    admit: (manager: EntityManager) => Promise<{ caseId: string }>,
  ): Promise<DocumentEntity> {
    const storageKey = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { caseId } = await admit(manager);
        const document = manager.create(DocumentEntity, {
          id: randomUUID(),
          caseId,
          type: fields.type,
          servedVia: fields.servedVia ?? null,
          fileName: staged.fileName,
          mediaType: staged.mediaType,
          size: staged.size,
          sha256: staged.sha256,
          storageKey,
          keyId: staged.sealed.keyId,
          wrappedKey: staged.sealed.wrappedKey,
          contentIv: staged.sealed.contentIv,
          contentTag: staged.sealed.contentTag,
          verification: 'PENDING',
          rejectionReason: null,
          createdAt: this.clock.now(),
        });
        const saved = await manager.save(document);
        await this.store.promote(staged.stagingId, storageKey);
        return saved;
      });
    } catch (error) {
      await this.store.remove(storageKey).catch(() => undefined); // the orphan sweep is the backstop
      throw error;
    }
  }

  listForCase(caseId: string): Promise<DocumentEntity[]> {
    return this.dataSource.getRepository(DocumentEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  countForCase(manager: EntityManager, caseId: string): Promise<number> {
    return manager.getRepository(DocumentEntity).count({ where: { caseId } });
  }

  /** The decrypted content; the stream errors if the stored bytes were altered. */
  openContent(document: DocumentEntity): Readable {
    const decrypt = this.cipher.decrypt(document);
    const ciphertext = this.store.openRead(document.storageKey);
    ciphertext.on('error', (error) => decrypt.destroy(error));
    return ciphertext.pipe(decrypt);
  }
}
