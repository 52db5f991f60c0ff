import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '@app/audit';
import { AppConfig, DomainException } from '@app/common';
import { type DocumentEntity, DocumentsRepository, DocumentsService, type StagedUpload } from '@app/documents';
import { OutboxService } from '@app/notifications';
import { evaluateCaseChecklist } from './case-checklist.js';
import { ACCEPTS_DOCUMENTS, describeState } from './case-lifecycle.js';
import { CasesRepository } from './cases.repository.js';
import { CaseTransitions } from './state-machine/case-transitions.service.js';
import { CasePreservation } from './deadlines/case-preservation.service.js';
import { DocumentScanService } from './scanning/document-scan.service.js';
import type { UploadDocumentDto } from './dto/upload-document.dto.js';
import type { RequesterCase } from './requester-access.service.js';
import { DocumentView } from './views/request.views.js';

/**
 * A family's document joining its case: admitted (the case open, under its limit), recorded with its
 * file, and the checklist re-judged through the state machine, all in one transaction that holds the
 * case row's lock.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsService,
    private readonly rows: DocumentsRepository,
    private readonly transitions: CaseTransitions,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly preservation: CasePreservation,
    private readonly outbox: OutboxService,
    private readonly scans: DocumentScanService,
  ) {}

  /** `uploader`: the family (by default), or the support tooling's key that sends it for them. */
  async add(
    requester: RequesterCase,
    fields: UploadDocumentDto,
    staged: StagedUpload,
    uploader: Uploader = FAMILY,
  ): Promise<DocumentView> {
    const { document, checklist } = await this.documents.commit(staged, fields, requester.caseId, (row) =>
      this.dataSource.transaction(async (manager) => {
        // Locks the case row: concurrent uploads queue here, and the checklist below sees every one before ours.
        const admitted = await this.cases.admitDocument(
          manager,
          row.caseId,
          row.createdAt,
          ACCEPTS_DOCUMENTS,
          this.config.MAX_DOCUMENTS_PER_CASE,
        );
        if (!admitted) throw await this.refusal(requester.caseId, manager);
        await this.rows.insert(manager, row);
        await this.preservation.documentsArrived(manager, admitted, row.createdAt);
        await this.audit.append(
          manager,
          uploadRecord(row, uploader, 'document.uploaded', { documentId: row.id, type: row.type }),
        );
        await this.outbox.add(manager, [
          {
            type: 'document.uploaded',
            caseId: row.caseId,
            occurredAt: row.createdAt,
            payload: { documentId: row.id, documentType: row.type },
          },
        ]);
        // The checklist judged again with every document: the case may go to review (or back).
        const outcome = await this.transitions.apply(manager, {
          caseId: row.caseId,
          action: 'documents-changed',
          actor: { id: uploader.actorId ?? 'requester', role: 'requester', audit: uploader },
          input: { documentChange: `the document "${row.fileName}" (${row.type}) was added` },
        });
        return { document: row, checklist: evaluateCaseChecklist(outcome.case, outcome.documents) };
      }),
    );
    this.scans.scanSoon();
    return DocumentView.from(document, !checklist.notRequiredDocumentIds.includes(document.id));
  }

  private async refusal(caseId: string, manager: EntityManager): Promise<DomainException> {
    const current = await this.cases.findById(caseId, manager);
    if (!current || !ACCEPTS_DOCUMENTS.has(current.state)) {
      return new DomainException(
        'CASE_NOT_OPEN',
        `This request is ${current ? describeState(current.state) : 'gone'}; it takes no more documents.`,
      );
    }
    return new DomainException(
      'DOCUMENT_LIMIT_REACHED',
      `This request already has ${current.documentCount} documents, the most allowed. Combine pages into one PDF, or contact support.`,
    );
  }
}

export interface Uploader {
  actorType: 'requester' | 'api-key';
  actorId: string | null;
}

const FAMILY: Uploader = { actorType: 'requester', actorId: null };

function uploadRecord(
  row: DocumentEntity,
  uploader: Uploader,
  action: string,
  details: AuditRecord['details'],
): AuditRecord {
  return {
    at: row.createdAt.toISOString(),
    ...uploader,
    action,
    caseId: row.caseId,
    details,
  };
}
