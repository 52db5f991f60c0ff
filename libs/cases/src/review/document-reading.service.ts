import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainException } from '@app/common';
import { DocumentsRepository, DocumentsService } from '@app/documents';
import { CasesRepository } from '../cases.repository.js';
import { caseByReference } from './case-lookup.js';
import { assertReadable } from './document-access.js';

export interface OpenedDocument {
  content: Readable;
  mediaType: string;
  fileName: string;
  size: number;
}

/** A document's decrypted content for a reviewer or a platform key. The read is audited before a byte leaves. */
@Injectable()
export class DocumentReading {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsRepository,
    private readonly content: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async open(
    reference: string,
    documentId: string,
    reader: { actorType: 'user' | 'api-key'; actorId: string },
  ): Promise<OpenedDocument> {
    const document = await this.dataSource.transaction(async (manager) => {
      const entity = await caseByReference(this.cases, reference, manager);
      const found = await this.documents.findInCase(entity.id, documentId, manager);
      if (!found) throw new DomainException('NOT_FOUND', 'This case has no such document.');
      assertReadable(found);
      await this.audit.append(manager, {
        at: this.clock.now().toISOString(),
        ...reader,
        action: 'document.read',
        caseId: entity.id,
        details: { documentId },
      });
      return found;
    });
    return {
      content: this.content.openContent(document),
      mediaType: document.mediaType,
      fileName: document.fileName,
      size: document.size,
    };
  }
}
