import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '@app/audit';
import { AppConfig, type CaseState, Clock, DomainException, type Relationship, type RequestType } from '@app/common';
import type { EvaluatedDocumentInput } from '@app/checklists';
import { type DocumentEntity, DocumentsService, type StagedUpload } from '@app/documents';
import { OutboxService } from '@app/notifications';
import { type CaseChecklist, evaluateCaseChecklist } from './case-checklist.js';
import { ACCEPTS_DOCUMENTS, describeState, emailConfirmed, intakeStateAfterEvaluation } from './case-lifecycle.js';
import { CasePreservation } from './deadlines/case-preservation.service.js';
import { DocumentScanService } from './scanning/document-scan.service.js';
import type { UploadDocumentDto } from './dto/upload-document.dto.js';
import type { RequesterCase } from './requester-access.service.js';
import { DocumentView } from './views/request.views.js';

interface AdmittedCase {
  reference: string;
  requester_email_verified_at: Date | null;
  subject_account_email: string;
  state: CaseState;
  checklist_version: string;
  request_type: RequestType;
  requester_relationship: Relationship;
}

/**
 * A family's document joining its case: admitted (the case open, under its limit), recorded with its
 * file, and the checklist re-judged, all in one transaction that holds the case row's lock.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
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
        const admitted = await this.admitAndRecord(manager, row);
        if (!admitted) throw await this.refusal(manager, requester.caseId);
        const { checklist, next } = await this.settleIntakeState(manager, row.caseId, admitted);
        await this.preservation.documentsArrived(
          manager,
          {
            id: row.caseId,
            reference: admitted.reference,
            requestType: admitted.request_type,
            subjectAccountEmail: admitted.subject_account_email,
          },
          row.createdAt,
        );
        // Last, so the audit chain's lock is held only for the append and the commit.
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
        if (next !== admitted.state) {
          await this.audit.append(
            manager,
            uploadRecord(row, uploader, 'case.state_changed', { from: admitted.state, to: next }),
          );
        }
        return { document: row, checklist };
      }),
    );
    this.scans.scanSoon();
    return DocumentView.from(document, !checklist.notRequiredDocumentIds.includes(document.id));
  }

  /**
   * One statement: the UPDATE locks the case row and re-checks state and document limit on its latest
   * version (so concurrent uploads cannot overshoot), and the INSERT records the document. Returns
   * what the checklist needs of the case, or undefined when the case refused the document.
   */
  private async admitAndRecord(manager: EntityManager, row: DocumentEntity): Promise<AdmittedCase | undefined> {
    const [admitted] = await manager.query<[(AdmittedCase & { recorded: number })?]>(
      `WITH admitted AS (
         UPDATE cases SET document_count = document_count + 1, version = version + 1, updated_at = $2
         WHERE id = $1 AND state = ANY($3::text[]) AND document_count < $4
         RETURNING id, reference, requester_email_verified_at, subject_account_email, state, checklist_version, request_type, requester_relationship
       ), recorded AS (
         INSERT INTO documents (case_id, id, type, served_via, file_name, media_type, size_bytes, sha256, storage_key,
                                key_id, wrapped_key, content_iv, content_tag, verification, created_at, scan_status)
         SELECT admitted.id, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $2, $18 FROM admitted
         RETURNING id
       )
       SELECT reference, requester_email_verified_at, subject_account_email, state, checklist_version, request_type, requester_relationship,
              (SELECT count(*)::int FROM recorded) AS recorded
       FROM admitted`,
      [
        row.caseId,
        row.createdAt,
        [...ACCEPTS_DOCUMENTS],
        this.config.MAX_DOCUMENTS_PER_CASE,
        row.id,
        row.type,
        row.servedVia,
        row.fileName,
        row.mediaType,
        row.size,
        row.sha256,
        row.storageKey,
        row.keyId,
        row.wrappedKey,
        row.contentIv,
        row.contentTag,
        row.verification,
        row.scanStatus,
      ],
    );
    return admitted?.recorded === 1 ? admitted : undefined;
  }

  /**
   * Re-judges the checklist with every document of the case and moves it between waiting for
   * documents and ready for review. This statement starts after the lock was taken, so it sees the
   * documents of every upload that committed before ours: uploads racing each other settle right.
   */
  private async settleIntakeState(
    manager: EntityManager,
    caseId: string,
    admitted: AdmittedCase,
  ): Promise<{ checklist: CaseChecklist; next: CaseState }> {
    const rows = await manager.query<
      {
        id: string;
        type: EvaluatedDocumentInput['type'];
        verification: EvaluatedDocumentInput['verification'];
        served_via: EvaluatedDocumentInput['servedVia'];
        rejection_reason: string | null;
      }[]
    >('SELECT id, type, verification, served_via, rejection_reason FROM documents WHERE case_id = $1', [caseId]);
    const checklist = evaluateCaseChecklist(
      {
        checklistVersion: admitted.checklist_version,
        requestType: admitted.request_type,
        requesterRelationship: admitted.requester_relationship,
      },
      rows.map((r) => ({
        id: r.id,
        type: r.type,
        verification: r.verification,
        servedVia: r.served_via,
        rejectionReason: r.rejection_reason,
      })),
    );
    const confirmed = emailConfirmed(this.config.REQUIRE_EMAIL_VERIFICATION, admitted.requester_email_verified_at);
    const next = intakeStateAfterEvaluation(admitted.state, checklist.allProvided && confirmed);
    if (next !== admitted.state) {
      await manager.query('UPDATE cases SET state = $2, updated_at = $3 WHERE id = $1', [
        caseId,
        next,
        this.clock.now(),
      ]);
    }
    return { checklist, next };
  }

  private async refusal(manager: EntityManager, caseId: string): Promise<DomainException> {
    const [current] = await manager.query<{ state: CaseState; document_count: number }[]>(
      'SELECT state, document_count FROM cases WHERE id = $1',
      [caseId],
    );
    if (!ACCEPTS_DOCUMENTS.has(current.state)) {
      return new DomainException(
        'CASE_NOT_OPEN',
        `This request is ${describeState(current.state)}; it takes no more documents.`,
      );
    }
    return new DomainException(
      'DOCUMENT_LIMIT_REACHED',
      `This request already has ${current.document_count} documents, the most allowed. Combine pages into one PDF, or contact support.`,
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
