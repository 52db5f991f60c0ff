import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { DocumentCipher } from './crypto/document-cipher.js';
import { resolveMasterKey } from './crypto/master-key.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { OrphanSweepService } from './orphan-sweep.service.js';
import { ClamdScanner } from './scanning/clamd-scanner.js';
import { MalwareScanner } from './scanning/malware-scanner.js';
import { DocumentStore } from './storage/document-store.js';
import { LocalDocumentStore } from './storage/local-document-store.js';
import { EncryptingUploadStorage } from './upload/encrypting-upload.storage.js';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity])],
  providers: [
    {
      provide: DocumentStore,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const store = new LocalDocumentStore(config.UPLOAD_DIR);
        await store.init();
        return store;
      },
    },
    {
      provide: DocumentCipher,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => new DocumentCipher(await resolveMasterKey(config)),
    },
    {
      provide: EncryptingUploadStorage,
      inject: [DocumentStore, DocumentCipher],
      useFactory: (store: DocumentStore, cipher: DocumentCipher) => new EncryptingUploadStorage(store, cipher),
    },
    {
      // With no clamd configured, nothing is scanned (documents are stored NOT_SCANNED) and this is never called.
      provide: MalwareScanner,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MalwareScanner =>
        new ClamdScanner(config.CLAMD_SOCKET ?? '/nonexistent/clamd.sock', config.CLAMD_TIMEOUT_MS),
    },
    DocumentsRepository,
    DocumentsService,
    OrphanSweepService,
  ],
  exports: [
    DocumentsRepository,
    DocumentsService,
    OrphanSweepService,
    DocumentStore,
    EncryptingUploadStorage,
    DocumentCipher,
    MalwareScanner,
  ],
})
export class DocumentsModule {}
