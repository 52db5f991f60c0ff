import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_STATES,
  type CaseState,
  DOCUMENT_TYPES,
  type DocumentType,
  REQUEST_TYPES,
  type RequestType,
  SERVED_VIA,
  type ServedVia,
  VERIFICATIONS,
  type Verification,
} from '@app/common';
import { JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import { type DocumentEntity, readable, SCAN_STATUSES, type ScanStatus } from '@app/documents';
import type { CaseChecklist } from '../case-checklist.js';
import type { CaseEntity, DeficiencyNotice } from '../case.entity.js';
import { FamilyDeadlinesView } from '../deadlines/subject-deadlines.views.js';
import type { SlaTimers } from '../sla/sla-timers.js';
import { DecisionView } from './decision.view.js';
import { EvaluatedChecklistView } from './checklist.views.js';
import { SlaTimersView } from './sla-timers.views.js';
import type { CaseStateChangeEntity } from '../case-state-change.entity.js';
import { ACCEPTS_DOCUMENTS, APPEAL_WINDOW_DAYS, appealDeadline, canWithdraw } from '../case-lifecycle.js';

export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'DEATH_CERTIFICATE' }) type!: DocumentType;
  @ApiProperty({ enum: SERVED_VIA, nullable: true }) servedVia!: ServedVia | null;
  @ApiProperty({ example: 'Sterbeurkunde_Müller.pdf', description: 'The name it was sent under, cleaned' })
  fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'Judged from the bytes' }) mediaType!: string;
  @ApiProperty({ example: 182734, description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ enum: VERIFICATIONS, example: 'PENDING' }) verification!: Verification;
  @ApiProperty({ type: String, nullable: true, description: 'Why a reviewer rejected it, written for you' })
  rejectionReason!: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({
    enum: SCAN_STATUSES,
    description:
      'The malware scan: PENDING until done (reviewers cannot open it yet), CLEAN, INFECTED (quarantined), NOT_SCANNED (scanning is off)',
  })
  scan!: ScanStatus;
  @ApiProperty({ description: 'Whether a reviewer may open it: scanned clean, or stored with scanning off' })
  readable!: boolean;
  @ApiProperty({
    description: 'False for a document this jurisdiction does not ask for: kept, shown as "not required here"',
  })
  requiredHere!: boolean;

  static from(document: DocumentEntity, requiredHere: boolean): DocumentView {
    return {
      id: document.id,
      type: document.type,
      servedVia: document.servedVia,
      fileName: document.fileName,
      mediaType: document.mediaType,
      size: document.size,
      sha256: document.sha256,
      verification: document.verification,
      rejectionReason: document.rejectionReason,
      uploadedAt: document.createdAt.toISOString(),
      scan: document.scanStatus,
      readable: readable(document.scanStatus),
      requiredHere,
    };
  }

  /** A case's documents, each marked with whether its checklist asks for it. */
  static fromAll(documents: DocumentEntity[], checklist: CaseChecklist): DocumentView[] {
    const notRequired = new Set(checklist.notRequiredDocumentIds);
    return documents.map((document) => DocumentView.from(document, !notRequired.has(document.id)));
  }
}

export class RequestCreatedView {
  @ApiProperty({ example: 'NOK-2026-000123' }) reference!: string;
  @ApiProperty({
    example: 'pQ3v7n0hC0m1d9Qx6V2m8yYk4JcRr5tWZbL1sA0eU3g',
    description: 'Shown once. Keep it: with the reference it opens this request. We store only a hash.',
  })
  accessToken!: string;
  @ApiProperty({ enum: CASE_STATES, example: 'AWAITING_DOCUMENTS' }) state!: CaseState;
  @ApiProperty({ enum: JURISDICTIONS, example: 'DE' }) jurisdiction!: Jurisdiction;
  @ApiProperty({ type: EvaluatedChecklistView, description: 'The documents this request needs' })
  checklist!: EvaluatedChecklistView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: FamilyDeadlinesView, description: "The account's deadlines: what is lost when, and your hold" })
  deadlines!: FamilyDeadlinesView;

  static from(
    entity: CaseEntity,
    accessToken: string,
    checklist: CaseChecklist,
    deadlines: FamilyDeadlinesView,
  ): RequestCreatedView {
    return {
      reference: entity.reference,
      accessToken,
      state: entity.state,
      jurisdiction: entity.jurisdiction,
      checklist,
      createdAt: entity.createdAt.toISOString(),
      deadlines,
    };
  }
}

export class StateChangeView {
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the case changed state, when that needs saying (a first approval withdrawn)',
  })
  note!: string | null;

  static fromAll(history: CaseStateChangeEntity[]): StateChangeView[] {
    return history.map((change) => ({ state: change.state, at: change.at.toISOString(), note: change.note ?? null }));
  }
}

export class DeficiencyNoticeView implements DeficiencyNotice {
  @ApiProperty({ example: 'Please send the death certificate as one PDF, all pages.' }) note!: string;
  @ApiProperty({ type: [String], description: 'The checklist items still open when the reviewer wrote' })
  items!: string[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RequestStatusView {
  @ApiProperty({ example: 'NOK-2026-000123' }) reference!: string;
  @ApiProperty({ enum: CASE_STATES, example: 'AWAITING_DOCUMENTS' }) state!: CaseState;
  @ApiProperty({ enum: REQUEST_TYPES }) requestType!: RequestType;
  @ApiProperty({ enum: JURISDICTIONS }) jurisdiction!: Jurisdiction;
  @ApiProperty({ type: EvaluatedChecklistView }) checklist!: EvaluatedChecklistView;
  @ApiProperty({ type: [DocumentView] }) documents!: DocumentView[];
  @ApiProperty({ type: DecisionView, nullable: true, description: 'null until decided' })
  decision!: DecisionView | null;
  @ApiProperty({ type: FamilyDeadlinesView, description: "The account's deadlines: what is lost when, and your hold" })
  deadlines!: FamilyDeadlinesView;
  @ApiProperty({
    type: DeficiencyNoticeView,
    nullable: true,
    description: 'What the reviewer asked for last: their words, and the checklist items still open then',
  })
  notice!: DeficiencyNotice | null;
  @ApiProperty({
    type: SlaTimersView,
    description: 'When we promised to start reviewing and to decide (paused while we wait for you)',
  })
  sla!: SlaTimers;
  @ApiProperty({ type: [StateChangeView] }) history!: StateChangeView[];
  @ApiProperty({ description: 'Whether you confirmed your e-mail address (review starts only then)' })
  emailConfirmed!: boolean;
  @ApiProperty({ description: 'Whether the request takes more documents in its state' }) acceptsDocuments!: boolean;
  @ApiProperty({ description: 'Whether you can still withdraw it' }) canWithdraw!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A rejection can be appealed until then; null when there is nothing to appeal',
  })
  appealUntil!: string | null;

  static from(
    entity: CaseEntity,
    documents: DocumentEntity[],
    history: CaseStateChangeEntity[],
    checklist: CaseChecklist,
    sla: SlaTimers,
    deadlines: FamilyDeadlinesView,
  ): RequestStatusView {
    return {
      reference: entity.reference,
      state: entity.state,
      requestType: entity.requestType,
      jurisdiction: entity.jurisdiction,
      checklist,
      documents: DocumentView.fromAll(documents, checklist),
      decision: DecisionView.from(entity),
      deadlines,
      notice: entity.deficiencyNotice,
      sla,
      history: StateChangeView.fromAll(history),
      emailConfirmed: entity.requesterEmailVerifiedAt !== null,
      acceptsDocuments: ACCEPTS_DOCUMENTS.has(entity.state),
      canWithdraw: canWithdraw(entity.state),
      appealUntil:
        entity.state === 'REJECTED' && entity.decidedAt
          ? appealDeadline(entity.decidedAt, APPEAL_WINDOW_DAYS).toISOString()
          : null,
    };
  }
}
