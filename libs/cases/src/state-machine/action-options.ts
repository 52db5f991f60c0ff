import {
  type Actor,
  type CaseSnapshot,
  type RefusalCode,
  REVIEWER_ACTIONS,
  type ReviewerAction,
  transition,
  type TransitionContext,
} from './case-state-machine.js';

/** An action the back office offers: possible now, or held back by a named rule (four eyes, checklist…). */
export interface ActionOption {
  action: ReviewerAction;
  allowed: boolean;
  refusalCode: RefusalCode | null;
  refusal: string | null;
  /** True when this user may take it only by overriding the rule in `refusal`, with a reason. */
  needsOverride: boolean;
}

/** Refusals that only mean "say more" (a reason code, the family's words): the form asks for them. */
const NEEDS_INPUT: ReadonlySet<RefusalCode> = new Set(['REASON_REQUIRED', 'UNKNOWN_REASON_CODE']);
/** Refusals that mean the action is not this user's to take here at all: not offered. */
const NOT_OFFERED: ReadonlySet<RefusalCode> = new Set(['NOT_ALLOWED_IN_STATE', 'ROLE_NOT_ALLOWED']);

/**
 * The actions this user may take on the case as it stands, each asked of the state machine itself
 * (so the offer and the rule cannot drift apart). An action blocked by a rule that names a person or
 * a document (the second approval by another legal user, an unsatisfied checklist) stays in the list
 * with the rule's words: that is how the back office shows the four-eyes step. One this user may take
 * by overriding the rule with a reason (a legal user closing an account another request wants the
 * data of) is offered as such.
 */
export function actionOptions(
  snapshot: CaseSnapshot,
  actor: Actor,
  context: Omit<TransitionContext, 'reasonCode' | 'note' | 'assigneeId' | 'override'>,
): ActionOption[] {
  return REVIEWER_ACTIONS.flatMap((action): ActionOption[] => {
    const result = transition(snapshot, action, actor, context);
    if (result.ok || NEEDS_INPUT.has(result.code)) {
      return [{ action, allowed: true, refusalCode: null, refusal: null, needsOverride: false }];
    }
    if (NOT_OFFERED.has(result.code)) return [];
    const overridden = transition(snapshot, action, actor, { ...context, override: true, note: 'the reason' });
    return [
      {
        action,
        allowed: overridden.ok,
        refusalCode: result.code,
        refusal: result.message,
        needsOverride: overridden.ok,
      },
    ];
  });
}
