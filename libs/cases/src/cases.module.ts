import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@app/documents';
import { CaseEntity } from './case.entity.js';
import { CaseDocumentsService } from './case-documents.service.js';
import { CaseStateChangeEntity } from './case-state-change.entity.js';
import { ChecklistCatalogueService } from './checklist-catalogue.service.js';
import { IntakeService } from './intake.service.js';
import { CaseExpiryScheduler } from './review/case-expiry.scheduler.js';
import { CaseQueueService } from './review/case-queue.service.js';
import { CaseReviewService } from './review/case-review.service.js';
import { RequesterAccessGuard } from './requester-access.guard.js';
import { RequesterAccessService } from './requester-access.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseStateChangeEntity]), DocumentsModule],
  providers: [
    IntakeService,
    CaseDocumentsService,
    CaseReviewService,
    CaseQueueService,
    CaseExpiryScheduler,
    RequesterAccessService,
    RequesterAccessGuard,
    ChecklistCatalogueService,
  ],
  exports: [
    IntakeService,
    CaseDocumentsService,
    CaseReviewService,
    CaseQueueService,
    CaseReviewService,
    CaseQueueService,
    CaseExpiryScheduler,
    RequesterAccessService,
    RequesterAccessGuard,
    ChecklistCatalogueService,
    DocumentsModule,
  ],
})
export class CasesModule {}
