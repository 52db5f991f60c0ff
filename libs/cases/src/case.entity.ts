import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseState, Relationship, RequestType, SubjectStatus } from '@app/common';
import type { Jurisdiction } from '@app/checklists';
import type { Channel } from './dto/create-request.dto.js';

export interface DeficiencyNotice {
  note: string;
  items: string[];
  at: string;
}

@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'request_type', type: 'text' })
  requestType!: RequestType;

  @Column({ type: 'text' })
  state!: CaseState;

  @Column({ type: 'text' })
  jurisdiction!: Jurisdiction;

  /** The checklist version in force when the case was submitted; it is judged by that one. */
  @Column({ name: 'checklist_version', type: 'text' })
  checklistVersion!: string;

  @Column({ name: 'subject_status', type: 'text' })
  subjectStatus!: SubjectStatus;

  @Column({ name: 'subject_full_name', type: 'text' })
  subjectFullName!: string;

  @Column({ name: 'subject_account_email', type: 'text' })
  subjectAccountEmail!: string;

  @Column({ name: 'subject_country', type: 'char', length: 2 })
  subjectCountry!: string;

  @Column({ name: 'subject_date_of_death', type: 'date', nullable: true })
  subjectDateOfDeath!: string | null;

  @Column({ name: 'requester_full_name', type: 'text' })
  requesterFullName!: string;

  @Column({ name: 'requester_email', type: 'text' })
  requesterEmail!: string;

  @Column({ name: 'requester_relationship', type: 'text' })
  requesterRelationship!: Relationship;

  @Column({ name: 'requester_country', type: 'char', length: 2 })
  requesterCountry!: string;

  @Column({ name: 'requester_language', type: 'text' })
  requesterLanguage!: string;

  /** When the requester confirmed their address with the code we e-mailed them. */
  @Column({ name: 'requester_email_verified_at', type: 'timestamptz', nullable: true })
  requesterEmailVerifiedAt!: Date | null;

  @Column({ name: 'access_token_hash', type: 'bytea' })
  accessTokenHash!: Buffer;

  @Column({ name: 'document_count', type: 'integer', default: 0 })
  documentCount!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'first_approver_id', type: 'uuid', nullable: true })
  firstApproverId!: string | null;

  @Column({ name: 'decider_ids', type: 'uuid', array: true, default: () => "'{}'" })
  deciderIds!: string[];

  @Column({ name: 'decision_outcome', type: 'text', nullable: true })
  decisionOutcome!: 'APPROVED' | 'REJECTED' | null;

  @Column({ name: 'decision_reason_code', type: 'text', nullable: true })
  decisionReasonCode!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The latest request for more information, as the family reads it. */
  @Column({ name: 'deficiency_notice', type: 'jsonb', nullable: true })
  deficiencyNotice!: DeficiencyNotice | null;

  /** WEB: the family itself; otherwise support tooling opened it on their behalf (with an API key). */
  @Column({ type: 'text', default: 'WEB' })
  channel!: 'WEB' | Channel;

  @Column({ name: 'agent_reference', type: 'text', nullable: true })
  agentReference!: string | null;

  @Column({ name: 'opened_by_key_id', type: 'uuid', nullable: true })
  openedByKeyId!: string | null;

  /** When the daily sweep found the subject's data at risk within DEADLINE_ESCALATION_DAYS. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
