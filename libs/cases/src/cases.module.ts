import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@app/documents';
import { TimelineModule } from '@app/timeline';
import { CaseEntity } from './case.entity.js';
import { CaseOnBehalfGuard } from './case-on-behalf.guard.js';
import { CaseDocumentsService } from './case-documents.service.js';
import { CaseStateChangeEntity } from './case-state-change.entity.js';
import { DocumentScanService } from './scanning/document-scan.service.js';
import { ChecklistCatalogueService } from './checklist-catalogue.service.js';
import { CaseClockService } from './deadlines/case-clock.service.js';
import { CasePreservation } from './deadlines/case-preservation.service.js';
import { DeadlineSweep } from './deadlines/deadline-sweep.service.js';
import { IntakeService } from './intake.service.js';
import { CaseExpiryJob } from './review/case-expiry.job.js';
import { CaseQueueService } from './review/case-queue.service.js';
import { CaseReviewService } from './review/case-review.service.js';
import { RequesterAccessGuard } from './requester-access.guard.js';
import { RequesterAccessService } from './requester-access.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseStateChangeEntity]), DocumentsModule, TimelineModule],
  providers: [
    CaseOnBehalfGuard,
    DeadlineSweep,
    CaseClockService,
    CasePreservation,
    IntakeService,
    CaseDocumentsService,
    CaseReviewService,
    CaseQueueService,
    CaseExpiryJob,
    RequesterAccessService,
    RequesterAccessGuard,
    ChecklistCatalogueService,
    DocumentScanService,
  ],
  exports: [
    CaseOnBehalfGuard,
    DeadlineSweep,
    IntakeService,
    CaseDocumentsService,
    CaseReviewService,
    CaseQueueService,
    RequesterAccessService,
    RequesterAccessGuard,
    ChecklistCatalogueService,
    DocumentScanService,
    DocumentsModule,
  ],
})
export class CasesModule {}
