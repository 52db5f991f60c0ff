import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@app/documents';
import { TimelineModule } from '@app/timeline';
import { CaseEntity } from './case.entity.js';
import { CasePortsModule } from './case-directory.adapter.js';
import { CaseDocumentsService } from './case-documents.service.js';
import { CaseStateChangeEntity } from './case-state-change.entity.js';
import { DocumentScanService } from './scanning/document-scan.service.js';
import { ChecklistCatalogueService } from './checklist-catalogue.service.js';
import { SubjectDeadlines } from './deadlines/subject-deadlines.service.js';
import { CasePreservation } from './deadlines/case-preservation.service.js';
import { DeadlineSweep } from './deadlines/deadline-sweep.service.js';
import { DeadlineSweepsRepository } from './deadlines/deadline-sweeps.repository.js';
import { IntakeService } from './intake.service.js';
import { CaseNotesRepository } from './notes/case-notes.repository.js';
import { CaseNotes } from './notes/case-notes.service.js';
import { AuditTrailQuery } from './review/audit-trail.query.js';
import { CaseDetailQuery } from './review/case-detail.query.js';
import { CaseExpiryJob } from './review/case-expiry.job.js';
import { CaseQueueService } from './review/case-queue.service.js';
import { DocumentReading } from './review/document-reading.service.js';
import { DocumentVerification } from './review/document-verification.service.js';
import { JurisdictionChange } from './review/jurisdiction-change.service.js';
import { ReviewerActions } from './review/reviewer-actions.service.js';
import { RequesterAccessService } from './requester-access.service.js';
import { CaseTransitions } from './state-machine/case-transitions.service.js';
import { MachineInputs } from './state-machine/machine-inputs.js';

/** What the HTTP layer and the CLI use of the cases. */
const USED_OUTSIDE = [
  DeadlineSweep,
  IntakeService,
  CaseDocumentsService,
  CaseDetailQuery,
  AuditTrailQuery,
  ReviewerActions,
  DocumentVerification,
  JurisdictionChange,
  CaseNotes,
  DocumentReading,
  CaseExpiryJob,
  CaseQueueService,
  RequesterAccessService,
  ChecklistCatalogueService,
  DocumentScanService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEntity, CaseStateChangeEntity]),
    DocumentsModule,
    TimelineModule,
    CasePortsModule,
  ],
  providers: [
    ...USED_OUTSIDE,
    CaseTransitions,
    MachineInputs,
    SubjectDeadlines,
    CasePreservation,
    CaseNotesRepository,
    DeadlineSweepsRepository,
  ],
  exports: [...USED_OUTSIDE, DocumentsModule],
})
export class CasesModule {}
