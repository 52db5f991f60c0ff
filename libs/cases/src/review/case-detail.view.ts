import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_STATES,
  type CaseState,
  type Relationship,
  RELATIONSHIPS,
  REQUEST_TYPES,
  type RequestType,
  SUBJECT_STATUSES,
  type SubjectStatus,
} from '@app/common';
import { JURISDICTIONS, type Jurisdiction } from '@app/checklists';
import type { DocumentEntity } from '@app/documents';
import type { CaseChecklist } from '../case-checklist.js';
import type { CaseEntity } from '../case.entity.js';
import type { CaseStateChangeEntity } from '../case-state-change.entity.js';
import type { RequesterStatement } from '../cases.repository.js';
import { DeadlineSummaryView, TimelineView } from '@app/timeline';
import type { StaffDeadlinesView } from '../deadlines/subject-deadlines.views.js';
import type { SlaTimers } from '../sla/sla-timers.js';
import {
  type RefusalCode,
  REFUSALS,
  REVIEWER_ACTIONS,
  type ReviewerAction,
} from '../state-machine/case-state-machine.js';
import { EvaluatedChecklistView } from '../views/checklist.views.js';
import { DecisionView } from '../views/decision.view.js';
import { DocumentView, StateChangeView } from '../views/request.views.js';
import { SlaTimersView } from '../views/sla-timers.views.js';

export class AnsweredDecisionView {
  @ApiProperty({ enum: CASE_STATES, nullable: true, description: 'The state the case was in when the family wrote' })
  state!: CaseState | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
  @ApiProperty({ type: String, enum: ['APPROVED', 'REJECTED'], nullable: true }) outcome!:
    'APPROVED' | 'REJECTED' | null;
  @ApiProperty({ type: String, nullable: true }) reasonCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reason the family was given' }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The user who decided' }) decidedBy!: string | null;
}

export class RequesterStatementView {
  @ApiProperty({ enum: ['APPEAL', 'WITHDRAWAL', 'INFORMATION_ANSWER'] })
  kind!: RequesterStatement['kind'];
  @ApiProperty({ description: "The family's words, as they wrote them" }) text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AnsweredDecisionView, description: 'The decision the words answer, as it stood then' })
  answers!: AnsweredDecisionView;

  static from(statement: RequesterStatement): RequesterStatementView {
    const { answers } = statement;
    return {
      kind: statement.kind,
      text: statement.text,
      at: statement.at.toISOString(),
      answers: {
        state: answers.state,
        since: answers.at?.toISOString() ?? null,
        outcome: answers.outcome,
        reasonCode: answers.reasonCode,
        reason: answers.reason,
        decidedAt: answers.decidedAt?.toISOString() ?? null,
        decidedBy: answers.decidedBy,
      },
    };
  }
}

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class LinkedCaseView {
  @ApiProperty({ example: 'NOK-2026-000124' }) reference!: string;
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({ enum: REQUEST_TYPES }) requestType!: RequestType;
}

/** An action the viewer may take now, or one a named rule holds back (the four-eyes step, the checklist). */
export class ActionOptionView {
  @ApiProperty({ enum: REVIEWER_ACTIONS }) action!: ReviewerAction;
  @ApiProperty({ description: 'False when a rule holds it back; refusal says which' }) allowed!: boolean;
  @ApiProperty({ enum: Object.keys(REFUSALS), nullable: true }) refusalCode!: RefusalCode | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'The second approval must come from someone other than the first.',
  })
  refusal!: string | null;
  @ApiProperty({ description: 'True when this user may take it only by overriding the refusal’s rule with a reason' })
  needsOverride!: boolean;
}

/** Whom the request is about, as the family gave it. */
export class CaseSubjectView {
  @ApiProperty({ enum: SUBJECT_STATUSES }) status!: SubjectStatus;
  @ApiProperty({ example: 'Anna Keller' }) fullName!: string;
  @ApiProperty({ example: 'anna.keller@outlook.com' }) accountEmail!: string;
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' }) countryOfResidence!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null for an incapacitated holder' })
  dateOfDeath!: string | null;
}

/** Who asks. */
export class CaseRequesterView {
  @ApiProperty({ example: 'Jonas Keller' }) fullName!: string;
  @ApiProperty({ example: 'jonas@example.org' }) email!: string;
  @ApiProperty({ enum: RELATIONSHIPS }) relationship!: Relationship;
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' }) countryOfResidence!: string;
  @ApiProperty({ example: 'de', description: 'BCP 47: the language we write to them in' }) language!: string;
}

/** The case as the back office sees it (api.md GET /cases/{reference}). */
export class CaseDetailView {
  @ApiProperty({ example: 'NOK-2026-000123' }) reference!: string;
  @ApiProperty({ example: 4, description: 'Send it back with every action: optimistic concurrency' }) version!: number;
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({ enum: REQUEST_TYPES }) requestType!: RequestType;
  @ApiProperty({ enum: JURISDICTIONS }) jurisdiction!: Jurisdiction;
  @ApiProperty({ type: CaseSubjectView }) subject!: CaseSubjectView;
  @ApiProperty({ type: CaseRequesterView }) requester!: CaseRequesterView;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who gave the first approval of a release (the second must be another, legal user)',
  })
  firstApproverId!: string | null;
  @ApiProperty({ type: EvaluatedChecklistView }) checklist!: EvaluatedChecklistView;
  @ApiProperty({ type: [DocumentView] }) documents!: DocumentView[];
  @ApiProperty({ type: DecisionView, nullable: true }) decision!: DecisionView | null;
  @ApiProperty({ type: [StateChangeView] }) history!: StateChangeView[];
  @ApiProperty({
    type: () => [RequesterStatementView],
    description: "The family's own words (an appeal's statement), each beside the decision it answers",
  })
  statements!: RequesterStatementView[];
  @ApiProperty({ type: SlaTimersView, description: 'Time to first review and to decision' })
  sla!: SlaTimers;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: () => [NoteView], description: 'Internal notes: never shown to the family' })
  notes!: NoteView[];
  @ApiProperty({ type: () => [LinkedCaseView], description: 'Other cases about the same account' })
  linkedCases!: LinkedCaseView[];
  @ApiProperty({
    type: () => [ActionOptionView],
    description: 'What you may do in this state (empty for an API key); held-back actions carry the rule',
  })
  actions!: ActionOptionView[];
  @ApiProperty({
    type: DeadlineSummaryView,
    description: 'What the subject loses next, in how many days, and whether it is held',
  })
  deadline!: DeadlineSummaryView;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the sweep escalated the case' })
  escalatedAt!: string | null;
  @ApiProperty({
    type: TimelineView,
    nullable: true,
    description: "The subject's account timeline; null until reported",
  })
  timeline!: TimelineView | null;

  static from(
    entity: CaseEntity,
    documents: DocumentEntity[],
    history: CaseStateChangeEntity[],
    checklist: CaseChecklist,
    sla: SlaTimers,
    related: {
      notes: NoteView[];
      linkedCases: LinkedCaseView[];
      actions: ActionOptionView[];
      statements: RequesterStatementView[];
    },
    clock: StaffDeadlinesView,
  ): CaseDetailView {
    return {
      reference: entity.reference,
      version: entity.version,
      state: entity.state,
      requestType: entity.requestType,
      jurisdiction: entity.jurisdiction,
      subject: {
        status: entity.subjectStatus,
        fullName: entity.subjectFullName,
        accountEmail: entity.subjectAccountEmail,
        countryOfResidence: entity.subjectCountry,
        dateOfDeath: entity.subjectDateOfDeath,
      },
      requester: {
        fullName: entity.requesterFullName,
        email: entity.requesterEmail,
        relationship: entity.requesterRelationship,
        countryOfResidence: entity.requesterCountry,
        language: entity.requesterLanguage,
      },
      assigneeId: entity.assigneeId,
      firstApproverId: entity.firstApproverId,
      checklist,
      documents: DocumentView.fromAll(documents, checklist),
      decision: DecisionView.from(entity),
      history: StateChangeView.fromAll(history),
      sla,
      createdAt: entity.createdAt.toISOString(),
      ...related,
      deadline: clock.deadline,
      escalatedAt: clock.escalatedAt,
      timeline: clock.timeline,
    };
  }
}
