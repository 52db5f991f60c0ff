/** The fixed enums of api.md, shared by every library. Values are part of the public contract. */

export const REQUEST_TYPES = ['CLOSE_ACCOUNT', 'RELEASE_DATA', 'PRESERVE_DATA'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const SUBJECT_STATUSES = ['DECEASED', 'INCAPACITATED'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const RELATIONSHIPS = [
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'GRANDCHILD',
  'OTHER_HEIR',
  'EXECUTOR',
  'LEGAL_REPRESENTATIVE',
  'OTHER',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const DOCUMENT_TYPES = [
  'DEATH_CERTIFICATE',
  'SOCIAL_ID_DEREGISTRATION',
  'OFFICIAL_DEATH_PROOF',
  'DECEASED_ID',
  'REQUESTER_ID',
  'POWER_OF_ATTORNEY',
  'INHERITANCE_CERTIFICATE',
  'COURT_SOLE_HEIR_PROOF',
  'HEIRS_LIST',
  'HEIRS_CONSENT',
  'HUKOU_REGISTRATION',
  'MARRIAGE_CERTIFICATE',
  'PSB_RELATIONSHIP_CERTIFICATE',
  'NOTARIZED_RELATIONSHIP_CERTIFICATE',
  'SIGNED_DECLARATION',
  'COURT_ORDER',
  'SUBPOENA',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Only court orders and subpoenas say how they reached the provider. */
export const SERVED_DOCUMENT_TYPES: ReadonlySet<DocumentType> = new Set(['COURT_ORDER', 'SUBPOENA']);

export const SERVED_VIA = ['POST', 'COURIER', 'IN_PERSON', 'REGISTERED_AGENT', 'FAX', 'EMAIL'] as const;
export type ServedVia = (typeof SERVED_VIA)[number];

export const CASE_STATES = [
  'AWAITING_DOCUMENTS',
  'READY_FOR_REVIEW',
  'IN_REVIEW',
  'NEEDS_INFO',
  'AWAITING_SECOND_APPROVAL',
  'APPROVED',
  'REJECTED',
  'APPEALED',
  'FULFILLED',
  'WITHDRAWN',
  'EXPIRED',
  'CLOSED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const VERIFICATIONS = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const JURISDICTIONS = ['EU', 'DE', 'CN', 'DEFAULT'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The actions of POST /cases/{reference}/actions/{action} (api.md). */
export const REVIEWER_ACTIONS = [
  'assign',
  'start-review',
  'request-info',
  'approve',
  'reject',
  'fulfil',
  'close',
  'reopen-on-appeal',
] as const;
export type ReviewerAction = (typeof REVIEWER_ACTIONS)[number];

/** Why a case was rejected (`reasonCode`): a fixed catalogue; the family also reads the reviewer's words. */
export const REJECTION_REASON_CODES = [
  'DOCUMENTS_INCOMPLETE',
  'DOCUMENT_NOT_VALID',
  'NOT_ENTITLED',
  'COURT_ORDER_NOT_SERVED',
  'ACCOUNT_NOT_FOUND',
  'LEGAL_OBJECTION',
] as const;
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];

export const TIMELINE_EVENT_KINDS = [
  'MAIL_FILES_FREEZE',
  'MAIL_FILES_DELETION',
  'ACCOUNT_CLOSURE',
  'PERMANENT_DELETION',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export const EVENT_STATES = ['PASSED', 'UPCOMING', 'STOPPED'] as const;
export type EventState = (typeof EVENT_STATES)[number];
