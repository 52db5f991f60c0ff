export { CaseEntity } from './case.entity.js';
export { CaseStateChangeEntity } from './case-state-change.entity.js';
export { canWithdraw, formatReference, intakeStateAfterEvaluation, REFERENCE_PATTERN } from './case-lifecycle.js';
export { CasesModule } from './cases.module.js';
export {
  type Channel,
  CHANNELS,
  CreateRequestDto,
  RequesterDto,
  SubjectDto,
  SupportCaseDto,
} from './dto/create-request.dto.js';
export { CaseOnBehalfGuard } from './case-on-behalf.guard.js';
export { UploadDocumentDto, UploadDocumentFormDto } from './dto/upload-document.dto.js';
export { IntakeService } from './intake.service.js';
export { RequesterAccessGuard, RequesterCaseParam } from './requester-access.guard.js';
export { type RequesterCase, RequesterAccessService } from './requester-access.service.js';
export { DocumentView, RequestCreatedView, RequestStatusView, StateChangeView } from './views/request.views.js';
export { type CaseChecklist, evaluateCaseChecklist } from './case-checklist.js';
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
export {
  ACTION_ROLES,
  type Actor,
  ACTOR_ROLES,
  type ActorRole,
  CASE_ACTIONS,
  type CaseAction,
  type CaseEvent,
  type CaseSnapshot,
  type RefusalCode,
  REFUSALS,
  REJECTION_REASONS,
  type RejectionReasonCode,
  transition,
  type TransitionContext,
  type TransitionResult,
} from './state-machine/case-state-machine.js';
export {
  businessMs,
  DEFAULT_SLA_POLICY,
  type SlaClock,
  type SlaClocks,
  slaClocks,
  type SlaPolicy,
  type StateEntry,
} from './sla/sla-clocks.js';
export {
  CaseActionDto,
  JurisdictionChangeDto,
  NoteDto,
  REVIEWER_ACTIONS,
  type ReviewerAction,
  VerificationDto,
} from './review/case-action.dto.js';
export { ActionOptionView, CaseDetailView, LinkedCaseView, NoteView } from './review/case-detail.view.js';
export { type ActionOption, actionOptions } from './state-machine/action-options.js';
export { DecisionView } from './views/decision.view.js';
export { CaseDetailQuery } from './review/case-detail.query.js';
export { AuditTrailQuery } from './review/audit-trail.query.js';
export { ReviewerActions } from './review/reviewer-actions.service.js';
export { DocumentVerification } from './review/document-verification.service.js';
export { JurisdictionChange } from './review/jurisdiction-change.service.js';
export { type OpenedDocument, DocumentReading } from './review/document-reading.service.js';
export { CASE_EXPIRY_JOB, CaseExpiryJob } from './review/case-expiry.job.js';
export { CaseNotes } from './notes/case-notes.service.js';
export { AppealDto } from './dto/appeal.dto.js';
export { QueueItemView, QueuePageView, QueueQueryDto, queueStatement } from './review/case-queue.js';
export { CaseQueueService } from './review/case-queue.service.js';
export { DEADLINE_SWEEP_JOB, DeadlineSweep, type SweepFigures } from './deadlines/deadline-sweep.service.js';
export {
  CaseClockView,
  FamilyDeadlineEventView,
  FamilyDeadlinesView,
  YourHoldView,
} from './deadlines/case-clock.views.js';
export { ConfirmEmailDto, EmailConfirmedView } from './dto/confirm-email.dto.js';
export { AuditEntryView, AuditTrailView } from './review/audit-trail.view.js';
export { DocumentScanService, type ScanRound } from './scanning/document-scan.service.js';
