import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, Clock, type CaseState, DomainException } from '@app/common';
import { resolveJurisdiction } from '@app/checklists';
import { DocumentsService, type StagedUpload } from '@app/documents';
import { generateAccessToken } from '@app/identity';
import { CaseEntity } from './case.entity.js';
import { ACCEPTS_DOCUMENTS, canWithdraw, formatReference } from './case-lifecycle.js';
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
    if (dto.subject.dateOfDeath && dto.subject.dateOfDeath > this.clock.today()) {
      throw DomainException.invalid([{ field: 'subject.dateOfDeath', message: 'must not be in the future' }]);
    }
    const { token, hash } = generateAccessToken();
    const created = await this.dataSource.transaction(async (manager) => {
      const [{ sequence }] = await manager.query<[{ sequence: number }]>(
        `SELECT nextval('case_reference_seq')::int AS sequence`,
      );
      const entity = manager.create(CaseEntity, {
        reference: formatReference(now, sequence),
        requestType: dto.requestType,
        state: 'AWAITING_DOCUMENTS',
        jurisdiction: resolveJurisdiction(dto.subject.countryOfResidence),
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
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const saved = await manager.save(entity);
      await this.recordState(manager, saved.id, saved.state, now);
      return saved;
    });
    return RequestCreatedView.from(created, token);
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
    return RequestStatusView.from(entity, documents, history);
  }

  async addDocument(requester: RequesterCase, fields: UploadDocumentDto, staged: StagedUpload): Promise<DocumentView> {
    const document = await this.documents.commit(staged, fields, async (manager) => {
      const entity = await this.lockCase(manager, requester.caseId);
      if (!ACCEPTS_DOCUMENTS.has(entity.state)) {
        throw new DomainException(
          'CASE_NOT_OPEN',
          `This request is ${describe(entity.state)}; it takes no more documents.`,
        );
      }
      const count = await this.documents.countForCase(manager, entity.id);
      if (count >= this.config.MAX_DOCUMENTS_PER_CASE) {
        throw new DomainException(
          'DOCUMENT_LIMIT_REACHED',
          `This request already has ${count} documents, the most allowed. Combine pages into one PDF, or contact support.`,
        );
      }
      await this.touch(manager, entity);
      return { caseId: entity.id };
    });
    return DocumentView.from(document);
  }

  async withdraw(requester: RequesterCase): Promise<RequestStatusView> {
    await this.dataSource.transaction(async (manager) => {
      const entity = await this.lockCase(manager, requester.caseId);
      if (!canWithdraw(entity.state)) {
        throw new DomainException('CASE_NOT_OPEN', `This request is already ${describe(entity.state)}.`);
      }
      entity.state = 'WITHDRAWN';
      await this.touch(manager, entity);
      await this.recordState(manager, entity.id, 'WITHDRAWN', this.clock.now());
    });
    return this.status(requester);
  }

  /** Serialises everything that changes one case: document limits and state checks hold under concurrency. */
  private lockCase(manager: EntityManager, caseId: string): Promise<CaseEntity> {
    return manager
      .getRepository(CaseEntity)
      .findOneOrFail({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  private async touch(manager: EntityManager, entity: CaseEntity): Promise<void> {
    await manager.update(
      CaseEntity,
      { id: entity.id },
      {
        state: entity.state,
        version: entity.version + 1,
        updatedAt: this.clock.now(),
      },
    );
  }

  private async recordState(manager: EntityManager, caseId: string, state: CaseState, at: Date): Promise<void> {
    await manager.insert(CaseStateChangeEntity, { caseId, state, at });
  }
}

function describe(state: CaseState): string {
  return state.toLowerCase().replaceAll('_', ' ');
}
