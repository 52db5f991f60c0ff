import { CASE_STATES, type CaseState, type RejectionReasonCode, type RequestType, REVIEWER_ACTIONS } from '@app/common';
import {
  appealDeadline,
  canWithdraw,
  FINAL_STATES,
  intakeStateAfterEvaluation,
  WAITING_FOR_FAMILY,
} from '../case-lifecycle.js';

/**
 * The case state machine (issue #4, domain.md §4): a pure function of the case, the action, who
 * acts, the evaluated checklist and the time. It returns the next state and the events the change
 * causes, or a coded refusal that names the rule. No I/O, no clock.
 */

export { REVIEWER_ACTIONS, type ReviewerAction } from '@app/common';
/**
 * The reviewers' actions, and the other changes that may move a case: the family's (withdraw,
 * appeal, confirm-email), a change of its documents (an upload, a quarantine), a reviewer's verdict
 * on a document or correction of the jurisdiction, and the system's expiry.
 */
export const CASE_ACTIONS = [
  ...REVIEWER_ACTIONS,
  'withdraw',
  'appeal',
  'confirm-email',
  'documents-changed',
  'verify-document',
  'change-jurisdiction',
  'expire',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ACTOR_ROLES = ['reviewer', 'legal', 'admin', 'requester', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface Actor {
  id: string;
  role: ActorRole;
}

/** Each rejection reason code in words (api.md `reasonCode`). */
export const REJECTION_REASONS = {
  DOCUMENTS_INCOMPLETE: 'Documents the rules require are missing',
  DOCUMENT_NOT_VALID: 'A document could not be accepted as genuine or legible',
  NOT_ENTITLED: 'The documents do not show that you may make this request',
  COURT_ORDER_NOT_SERVED: 'The court order or subpoena was not formally served',
  ACCOUNT_NOT_FOUND: 'No account with this address could be found',
  LEGAL_OBJECTION: 'The law does not allow this request to be granted',
} as const satisfies Record<RejectionReasonCode, string>;
export type { RejectionReasonCode } from '@app/common';

export interface CaseSnapshot {
  state: CaseState;
  requestType: RequestType;
  assigneeId: string | null;
  /** The reviewer who gave the first approval of a release, waiting for a second. */
  firstApproverId: string | null;
  /** Everyone who approved or rejected this case: an appeal goes to someone else. */
  deciderIds: readonly string[];
  rejectedAt: Date | null;
  /** Since when the case waits for the family (AWAITING_DOCUMENTS, NEEDS_INFO), or null. */
  waitingForFamilySince: Date | null;
}

export interface TransitionContext {
  now: Date;
  checklist: { satisfied: boolean; allProvided: boolean; missing: readonly string[] };
  /** The requester confirmed their address (or the deployment does not ask): intake may go to review. */
  addressConfirmed: boolean;
  reasonCode?: string;
  /** Free text: the deficiency notice, the reason the family reads, an override's justification. */
  note?: string;
  /** For `assign`: who gets the case (default: the actor). */
  assigneeId?: string;
  /** Open cases on the same account that ask for its data; closing is refused while there are any. */
  openDataRequestsOnAccount: number;
  /** A `legal` user may close despite them, with a reason. */
  override?: boolean;
  policy: { appealWindowDays: number; expiryDays: number };
  /**
   * For `verify-document` and `documents-changed`: what changed, in words the family and the first
   * approver read (a first approval of a release is withdrawn by it).
   */
  documentChange?: string;
}

export type CaseEvent =
  | { type: 'STATE_CHANGED'; from: CaseState; to: CaseState }
  | { type: 'ASSIGNED'; assigneeId: string }
  | { type: 'APPROVAL_RECORDED'; approverId: string; step: 1 | 2 }
  | {
      type: 'DECIDED';
      outcome: 'APPROVED' | 'REJECTED';
      by: string;
      reasonCode: RejectionReasonCode | null;
      reason: string;
    }
  | { type: 'DEFICIENCY_NOTICE'; items: readonly string[]; note: string }
  | { type: 'APPEAL_LODGED'; statement: string }
  /** A change of the documents after the first approval of a release withdraws it (domain.md §4). */
  | { type: 'APPROVAL_WITHDRAWN'; firstApproverId: string | null; reason: string }
  | { type: 'OVERRIDE_USED'; rule: 'CLOSURE_WHILE_DATA_REQUESTED'; reason: string };

export const REFUSALS = {
  NOT_ALLOWED_IN_STATE: 409,
  ROLE_NOT_ALLOWED: 403,
  CHECKLIST_NOT_SATISFIED: 422,
  SECOND_APPROVAL_BY_SAME_PERSON: 422,
  SECOND_APPROVAL_NEEDS_LEGAL: 403,
  REASON_REQUIRED: 422,
  UNKNOWN_REASON_CODE: 422,
  APPEAL_WINDOW_CLOSED: 422,
  APPEAL_NEEDS_ANOTHER_REVIEWER: 422,
  CLOSURE_WHILE_DATA_REQUESTED: 422,
  NOT_YET_EXPIRED: 422,
  CASE_NOT_OPEN: 409,
} as const;
export type RefusalCode = keyof typeof REFUSALS;

export type TransitionResult =
  { ok: true; state: CaseState; events: CaseEvent[] } | { ok: false; code: RefusalCode; message: string };

const OPEN_STATES: ReadonlySet<CaseState> = new Set(CASE_STATES.filter((state) => !FINAL_STATES.has(state)));

/** Who may take each action at all; the rules below narrow it further. */
export const ACTION_ROLES: Record<CaseAction, readonly ActorRole[]> = {
  assign: ['reviewer', 'legal', 'admin'],
  'start-review': ['reviewer', 'legal'],
  'request-info': ['reviewer', 'legal'],
  approve: ['reviewer', 'legal'],
  reject: ['reviewer', 'legal'],
  fulfil: ['reviewer', 'legal'],
  close: ['reviewer', 'legal', 'admin'],
  'reopen-on-appeal': ['reviewer', 'legal'],
  withdraw: ['requester'],
  appeal: ['requester'],
  'confirm-email': ['requester'],
  // The family's upload (or the support tooling's for them), or a quarantine by the scanner.
  'documents-changed': ['requester', 'system'],
  'verify-document': ['reviewer', 'legal'],
  'change-jurisdiction': ['reviewer', 'legal'],
  expire: ['system'],
};

const DAY = 86_400_000;

export function transition(
  snapshot: CaseSnapshot,
  action: CaseAction,
  actor: Actor,
  context: TransitionContext,
): TransitionResult {
  if (!ACTION_ROLES[action].includes(actor.role)) {
    return refuse('ROLE_NOT_ALLOWED', `A ${actor.role} cannot ${action.replaceAll('-', ' ')} a case.`);
  }
  const { state } = snapshot;
  const move = (to: CaseState, ...events: CaseEvent[]): TransitionResult => ({
    ok: true,
    state: to,
    events: to === state ? events : [{ type: 'STATE_CHANGED', from: state, to }, ...events],
  });
  const wrongState = (): TransitionResult =>
    refuse('NOT_ALLOWED_IN_STATE', `A case that is ${words(state)} cannot be ${PAST[action]}.`);

  switch (action) {
    case 'assign': {
      if (!OPEN_STATES.has(state)) return wrongState();
      return move(state, { type: 'ASSIGNED', assigneeId: context.assigneeId ?? actor.id });
    }
    case 'start-review':
      return state === 'READY_FOR_REVIEW'
        ? move('IN_REVIEW', { type: 'ASSIGNED', assigneeId: actor.id })
        : wrongState();
    case 'request-info': {
      if (state !== 'IN_REVIEW') return wrongState();
      const note = context.note?.trim();
      if (!note)
        return refuse('REASON_REQUIRED', 'A request for information must tell the family what to send and why.');
      return move('NEEDS_INFO', { type: 'DEFICIENCY_NOTICE', items: context.checklist.missing, note });
    }
    case 'approve':
      return approve(snapshot, actor, context, move, wrongState);
    case 'reject': {
      if (state !== 'IN_REVIEW' && state !== 'AWAITING_SECOND_APPROVAL') return wrongState();
      if (!isRejectionReason(context.reasonCode)) {
        return refuse(
          'UNKNOWN_REASON_CODE',
          `A rejection needs a reasonCode, one of: ${Object.keys(REJECTION_REASONS).join(', ')}.`,
        );
      }
      const note = context.note?.trim();
      if (!note) return refuse('REASON_REQUIRED', 'A rejection must explain, in words the family reads, why.');
      return move('REJECTED', {
        type: 'DECIDED',
        outcome: 'REJECTED',
        by: actor.id,
        reasonCode: context.reasonCode,
        reason: note,
      });
    }
    case 'fulfil':
      return fulfil(snapshot, actor, context, move, wrongState);
    case 'close':
      return close(snapshot, context, move, wrongState);
    case 'reopen-on-appeal': {
      if (state !== 'APPEALED') return wrongState();
      if (snapshot.deciderIds.includes(actor.id)) {
        return refuse('APPEAL_NEEDS_ANOTHER_REVIEWER', 'An appeal is reviewed by someone who did not decide the case.');
      }
      return move('IN_REVIEW', { type: 'ASSIGNED', assigneeId: actor.id });
    }
    case 'withdraw':
      return canWithdraw(state)
        ? move('WITHDRAWN')
        : refuse('CASE_NOT_OPEN', `This request is already ${words(state)}.`);
    case 'appeal': {
      if (state !== 'REJECTED' || !snapshot.rejectedAt) return wrongState();
      const deadline = appealDeadline(snapshot.rejectedAt, context.policy.appealWindowDays).getTime();
      if (context.now.getTime() > deadline) {
        return refuse(
          'APPEAL_WINDOW_CLOSED',
          `An appeal is possible within ${context.policy.appealWindowDays} days of the rejection; that time has passed.`,
        );
      }
      const statement = context.note?.trim();
      if (!statement) return refuse('REASON_REQUIRED', 'An appeal needs a statement of why the decision is wrong.');
      return move('APPEALED', { type: 'APPEAL_LODGED', statement });
    }
    case 'confirm-email':
      return move(intakeStateAfterEvaluation(state, context.checklist.allProvided && context.addressConfirmed));
    case 'documents-changed':
      if (state === 'AWAITING_SECOND_APPROVAL') return withdrawFirstApproval(snapshot, context, move);
      return move(intakeStateAfterEvaluation(state, context.checklist.allProvided && context.addressConfirmed));
    case 'verify-document':
    case 'change-jurisdiction':
      // A finished case is a record: its documents and its rules stay as they were decided.
      if (FINAL_STATES.has(state)) return wrongState();
      if (action === 'verify-document' && state === 'AWAITING_SECOND_APPROVAL') {
        return withdrawFirstApproval(snapshot, context, move);
      }
      return move(intakeStateAfterEvaluation(state, context.checklist.allProvided && context.addressConfirmed));
    case 'expire': {
      if (!WAITING_FOR_FAMILY.has(state)) return wrongState();
      const since = snapshot.waitingForFamilySince?.getTime();
      if (since === undefined || context.now.getTime() < since + context.policy.expiryDays * DAY) {
        return refuse('NOT_YET_EXPIRED', `A case expires after ${context.policy.expiryDays} days without the family.`);
      }
      return move('EXPIRED');
    }
  }
}

function approve(
  snapshot: CaseSnapshot,
  actor: Actor,
  context: TransitionContext,
  move: (to: CaseState, ...events: CaseEvent[]) => TransitionResult,
  wrongState: () => TransitionResult,
): TransitionResult {
  if (snapshot.state === 'AWAITING_SECOND_APPROVAL') {
    if (actor.role !== 'legal') {
      return refuse('SECOND_APPROVAL_NEEDS_LEGAL', 'The second approval of a release is given by a legal user.');
    }
    if (actor.id === snapshot.firstApproverId) {
      return refuse(
        'SECOND_APPROVAL_BY_SAME_PERSON',
        'The second approval must come from someone other than the first.',
      );
    }
    // Every approval, the second too, needs a satisfied checklist at that moment (domain.md §4).
    if (!context.checklist.satisfied) return checklistNotSatisfied(context);
    return move(
      'APPROVED',
      { type: 'APPROVAL_RECORDED', approverId: actor.id, step: 2 },
      { type: 'DECIDED', outcome: 'APPROVED', by: actor.id, reasonCode: null, reason: context.note?.trim() ?? '' },
    );
  }
  if (snapshot.state !== 'IN_REVIEW') return wrongState();
  if (!context.checklist.satisfied) return checklistNotSatisfied(context);
  if (snapshot.requestType === 'RELEASE_DATA') {
    return move('AWAITING_SECOND_APPROVAL', { type: 'APPROVAL_RECORDED', approverId: actor.id, step: 1 });
  }
  return move(
    'APPROVED',
    { type: 'APPROVAL_RECORDED', approverId: actor.id, step: 1 },
    { type: 'DECIDED', outcome: 'APPROVED', by: actor.id, reasonCode: null, reason: context.note?.trim() ?? '' },
  );
}

function checklistNotSatisfied(context: TransitionContext): TransitionResult {
  return refuse(
    'CHECKLIST_NOT_SATISFIED',
    `Every required document must be accepted before approval; still needed: ${context.checklist.missing.join('; ') || 'verification of the documents sent'}.`,
  );
}

/**
 * The first approval of a release was given on the documents as they were then. Any change to them
 * (a reviewer's verdict, an upload, a quarantine) withdraws it: the case goes back to review, to the
 * first approver, and the history says why.
 */
function withdrawFirstApproval(
  snapshot: CaseSnapshot,
  context: TransitionContext,
  move: (to: CaseState, ...events: CaseEvent[]) => TransitionResult,
): TransitionResult {
  const change = context.documentChange?.trim() || 'the documents changed';
  return move('IN_REVIEW', {
    type: 'APPROVAL_WITHDRAWN',
    firstApproverId: snapshot.firstApproverId,
    reason: `The first approval was withdrawn because ${change} after it was given; the case needs a new review.`,
  });
}

/**
 * Closing an account cannot be undone, so it waits while another open case on the same account asks
 * for its data, unless a legal user overrides it with a reason.
 */
function fulfil(
  snapshot: CaseSnapshot,
  actor: Actor,
  context: TransitionContext,
  move: (to: CaseState, ...events: CaseEvent[]) => TransitionResult,
  wrongState: () => TransitionResult,
): TransitionResult {
  if (snapshot.state !== 'APPROVED') return wrongState();
  if (snapshot.requestType !== 'CLOSE_ACCOUNT' || context.openDataRequestsOnAccount === 0) return move('FULFILLED');
  const reason = context.note?.trim();
  if (context.override && actor.role === 'legal' && reason) {
    return move('FULFILLED', { type: 'OVERRIDE_USED', rule: 'CLOSURE_WHILE_DATA_REQUESTED', reason });
  }
  return refuse(
    'CLOSURE_WHILE_DATA_REQUESTED',
    `Another open request asks for this account's data (${context.openDataRequestsOnAccount}); closing it now would destroy that data. A legal user may override with a reason.`,
  );
}

/** A case is closed once fulfilled, or once a rejection can no longer be appealed. */
function close(
  snapshot: CaseSnapshot,
  context: TransitionContext,
  move: (to: CaseState, ...events: CaseEvent[]) => TransitionResult,
  wrongState: () => TransitionResult,
): TransitionResult {
  const closable =
    snapshot.state === 'FULFILLED' ||
    (snapshot.state === 'REJECTED' &&
      snapshot.rejectedAt !== null &&
      context.now > appealDeadline(snapshot.rejectedAt, context.policy.appealWindowDays));
  if (!closable) return wrongState();
  return move('CLOSED');
}

export function isRejectionReason(code: string | undefined): code is RejectionReasonCode {
  return code !== undefined && Object.hasOwn(REJECTION_REASONS, code);
}

function refuse(code: RefusalCode, message: string): TransitionResult {
  return { ok: false, code, message };
}

function words(state: CaseState): string {
  return state.toLowerCase().replaceAll('_', ' ');
}

const PAST: Record<CaseAction, string> = {
  assign: 'assigned',
  'start-review': 'taken into review',
  'request-info': 'sent back for more information',
  approve: 'approved',
  reject: 'rejected',
  fulfil: 'fulfilled',
  close: 'closed',
  'reopen-on-appeal': 'reopened on appeal',
  withdraw: 'withdrawn',
  appeal: 'appealed',
  'confirm-email': 'confirmed',
  'documents-changed': 're-judged',
  'verify-document': 'given a verdict on its documents',
  'change-jurisdiction': 'moved to another jurisdiction',
  expire: 'expired',
};
