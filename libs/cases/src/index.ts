export { CaseEntity } from './case.entity.js';
export { CaseStateChangeEntity } from './case-state-change.entity.js';
export { REFERENCE_PATTERN } from './case-lifecycle.js';
export { CasesModule } from './cases.module.js';
export { CreateRequestDto, RequesterDto, SubjectDto, SupportCaseDto } from './dto/create-request.dto.js';
export { UploadDocumentDto, UploadDocumentFormDto } from './dto/upload-document.dto.js';
export { IntakeService } from './intake.service.js';
export { type RequesterCase, RequesterAccessService } from './requester-access.service.js';
export { DocumentView, RequestCreatedView, RequestStatusView, StateChangeView } from './views/request.views.js';
export { CaseDocumentsService } from './case-documents.service.js';
export { ChecklistCatalogueService } from './checklist-catalogue.service.js';
export { ChecklistQueryDto } from './dto/checklist-query.dto.js';
export {
  ChecklistView,
  ConditionView,
  EvaluatedChecklistView,
  EvaluatedNodeView,
  RequirementNodeView,
} from './views/checklist.views.js';
export { type RejectionReasonCode } from './state-machine/case-state-machine.js';
export {
  CaseActionDto,
  JurisdictionChangeDto,
  NoteDto,
  REVIEWER_ACTIONS,
  type ReviewerAction,
  VerificationDto,
} from './review/case-action.dto.js';
export { ActionOptionView, CaseDetailView, LinkedCaseView, NoteView } from './review/case-detail.view.js';
export { DecisionView } from './views/decision.view.js';
export { CaseDetailQuery } from './review/case-detail.query.js';
export { AuditTrailQuery } from './review/audit-trail.query.js';
export { ReviewerActions } from './review/reviewer-actions.service.js';
export { DocumentVerification } from './review/document-verification.service.js';
export { JurisdictionChange } from './review/jurisdiction-change.service.js';
export { DocumentReading } from './review/document-reading.service.js';
export { CaseExpiryJob } from './review/case-expiry.job.js';
export { CaseNotes } from './notes/case-notes.service.js';
export { AppealDto } from './dto/appeal.dto.js';
export { QueueItemView, QueuePageView, QueueQueryDto, queueStatement } from './review/case-queue.js';
export { CaseQueueService } from './review/case-queue.service.js';
export { DEADLINE_SWEEP_JOB, DeadlineSweep } from './deadlines/deadline-sweep.service.js';
export { FamilyDeadlineEventView, FamilyDeadlinesView, YourHoldView } from './deadlines/subject-deadlines.views.js';
export { ConfirmEmailDto, EmailConfirmedView } from './dto/confirm-email.dto.js';
export { AuditEntryView, AuditTrailView } from './review/audit-trail.view.js';
export { DocumentScanService } from './scanning/document-scan.service.js';
