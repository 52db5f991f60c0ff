import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, Clock, type CaseState, DomainException } from '@app/common';
import { checklistInForce, resolveJurisdiction } from '@app/checklists';
import { DocumentEntity, DocumentsService, type StagedUpload } from '@app/documents';
import { generateAccessToken } from '@app/identity';
import { CaseEntity } from './case.entity.js';
import { evaluateCaseChecklist } from './case-checklist.js';
import { ACCEPTS_DOCUMENTS, canWithdraw, formatReference, intakeStateAfterEvaluation } from './case-lifecycle.js';
import { CaseStateChangeEntity } from './case-state-change.entity.js';
import type { CreateRequestDto } from './dto/create-request.dto.js';
import type { UploadDocumentDto } from './dto/upload-document.dto.js';
import type { RequesterCase } from './requester-access.service.js';
import { DocumentView, RequestCreatedView, RequestStatusView } from './views/request.views.js';

/** The family's side of a case: submit, add documents, look, withdraw. Access is checked by the guard. */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async submit(dto: CreateRequestDto): Promise<RequestCreatedView> {
    const now = this.clock.now();
    if (dto.subject.dateOfDeath && dto.subject.dateOfDeath > latestDateOnEarth(now)) {
      throw DomainException.invalid([{ field: 'subject.dateOfDeath', message: 'must not be in the future' }]);
    }
    const { token, hash } = generateAccessToken();
    const [{ sequence }] = await this.dataSource.query<[{ sequence: number }]>(
      `SELECT nextval('case_reference_seq')::int AS sequence`,
    );
    const jurisdiction = resolveJurisdiction(dto.subject.countryOfResidence);
    const created = this.dataSource.getRepository(CaseEntity).create({
      reference: formatReference(now, sequence),
      requestType: dto.requestType,
      state: 'AWAITING_DOCUMENTS',
      jurisdiction,
      checklistVersion: checklistInForce(jurisdiction, dto.requestType, now.toISOString().slice(0, 10)).version,
      subjectStatus: dto.subject.status,
      subjectFullName: dto.subject.fullName,
      subjectAccountEmail: dto.subject.accountEmail,
      subjectCountry: dto.subject.countryOfResidence,
      subjectDateOfDeath: dto.subject.dateOfDeath ?? null,
      requesterFullName: dto.requester.fullName,
      requesterEmail: dto.requester.email,
      requesterRelationship: dto.requester.relationship,
      requesterCountry: dto.requester.countryOfResidence,
      requesterLanguage: dto.requester.language ?? 'en',
      accessTokenHash: hash,
      createdAt: now,
      updatedAt: now,
    });
    // One statement: the case, and (by trigger) its first history entry.
    await this.dataSource.getRepository(CaseEntity).insert(created);
    return RequestCreatedView.from(created, token, evaluateCaseChecklist(created, []));
  }

  async status(requester: RequesterCase): Promise<RequestStatusView> {
    const entity = await this.dataSource.getRepository(CaseEntity).findOneByOrFail({ id: requester.caseId });
    const [documents, history] = await Promise.all([
      this.documents.listForCase(entity.id),
      this.dataSource.getRepository(CaseStateChangeEntity).find({
        where: { caseId: entity.id },
        order: { at: 'ASC', id: 'ASC' },
      }),
    ]);
    return RequestStatusView.from(entity, documents, history, evaluateCaseChecklist(entity, documents));
  }

  async addDocument(requester: RequesterCase, fields: UploadDocumentDto, staged: StagedUpload): Promise<DocumentView> {
    const { document, checklist } = await this.documents.commit(staged, fields, requester.caseId, (row) =>
      this.dataSource.transaction(async (manager) => {
        if (!(await this.recordDocument(manager, row))) throw await this.documentRefusal(manager, requester.caseId);
        return { document: row, checklist: await this.settleIntakeState(manager, requester.caseId) };
      }),
    );
    return DocumentView.from(document, !checklist.notRequiredDocumentIds.includes(document.id));
  }

  /**
   * Re-judges the case's checklist with all its documents and moves it between waiting for
   * documents and ready for review. Runs inside the transaction that holds the case row lock, so
   * concurrent uploads settle on the right state.
   */
  private async settleIntakeState(manager: EntityManager, caseId: string) {
    const entity = await manager.findOneOrFail(CaseEntity, { where: { id: caseId } });
    const documents = await manager.find(DocumentEntity, { where: { caseId } });
    const checklist = evaluateCaseChecklist(entity, documents);
    const next = intakeStateAfterEvaluation(entity.state, checklist.allProvided);
    if (next !== entity.state) {
      await manager.update(CaseEntity, { id: caseId }, { state: next, updatedAt: this.clock.now() });
    }
    return checklist;
  }

  /**
   * Admits and records a document in one statement: the case row is locked by the UPDATE, which
   * also re-checks state and the document limit on the latest row version, so concurrent uploads
   * cannot overshoot the limit. Returns false when the case refused it.
   */
  private async recordDocument(manager: EntityManager, row: DocumentEntity): Promise<boolean> {
    const inserted = await manager.query<{ id: string }[]>(
      `WITH admitted AS (
         UPDATE cases SET document_count = document_count + 1, version = version + 1, updated_at = $2
         WHERE id = $1 AND state = ANY($3::text[]) AND document_count < $4
         RETURNING id
       )
       INSERT INTO documents (case_id, id, type, served_via, file_name, media_type, size_bytes, sha256, storage_key,
                              key_id, wrapped_key, content_iv, content_tag, verification, created_at)
       SELECT admitted.id, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $2 FROM admitted
       RETURNING id`,
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
      ],
    );
    return inserted.length === 1;
  }

  private async documentRefusal(manager: EntityManager, caseId: string): Promise<DomainException> {
    const { state, documentCount } = await manager.findOneOrFail(CaseEntity, {
      where: { id: caseId },
      select: { state: true, documentCount: true },
    });
    if (!ACCEPTS_DOCUMENTS.has(state)) {
      return new DomainException('CASE_NOT_OPEN', `This request is ${describe(state)}; it takes no more documents.`);
    }
    return new DomainException(
      'DOCUMENT_LIMIT_REACHED',
      `This request already has ${documentCount} documents, the most allowed. Combine pages into one PDF, or contact support.`,
    );
  }

  async withdraw(requester: RequesterCase): Promise<RequestStatusView> {
    await this.dataSource.transaction(async (manager) => {
      const { state } = await this.lockCase(manager, requester.caseId);
      if (!canWithdraw(state)) {
        throw new DomainException('CASE_NOT_OPEN', `This request is already ${describe(state)}.`);
      }
      await manager.query(`UPDATE cases SET state = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [
        requester.caseId,
        'WITHDRAWN',
        this.clock.now(),
      ]);
    });
    return this.status(requester);
  }

  /** Serialises everything that changes one case: document limits and state checks hold under concurrency. */
  private async lockCase(manager: EntityManager, caseId: string): Promise<{ state: CaseState }> {
    const rows = await manager.query<{ state: CaseState }[]>('SELECT state FROM cases WHERE id = $1 FOR UPDATE', [
      caseId,
    ]);
    const row = rows.at(0);
    if (!row) throw new DomainException('NOT_FOUND', 'There is no request with this reference.');
    return row;
  }
}

/** A family writes the date where they live: up to UTC+14, already tomorrow in UTC terms. */
function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

function describe(state: CaseState): string {
  return state.toLowerCase().replaceAll('_', ' ');
}
