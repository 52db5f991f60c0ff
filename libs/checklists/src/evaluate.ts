import type { DocumentType, Relationship, ServedVia, Verification } from '@app/common';
import { type Condition, CONDITIONS, type RequirementNode } from './model/requirement.js';

/**
 * The checklist evaluator: a pure function of a requirement tree, the case's documents and the
 * requester's relationship. No I/O, no clock.
 */

export type ItemStatus = 'SATISFIED' | 'PENDING_VERIFICATION' | 'REJECTED' | 'MISSING';

export interface EvaluatedDocumentInput {
  id: string;
  type: DocumentType;
  verification: Verification;
  servedVia: ServedVia | null;
  rejectionReason?: string | null;
}

export interface EvaluationInput {
  documents: readonly EvaluatedDocumentInput[];
  relationship: Relationship;
}

interface EvaluatedBase {
  label: string;
  status: ItemStatus;
  /** What the node requires besides its type (checked by the evaluator or confirmed by a reviewer). */
  conditions?: { code: Condition; label: string }[];
  /** Why the node cannot be satisfied as things stand. */
  reasons?: string[];
}

export type EvaluatedNode =
  | (EvaluatedBase & { kind: 'ALL_OF' | 'ONE_OF'; children: EvaluatedNode[] })
  | (EvaluatedBase & { kind: 'DOCUMENT'; documentType: DocumentType; documentIds: string[] });

export interface EvaluatedChecklist {
  /** Every required item is filled by an accepted document. */
  satisfied: boolean;
  /** Every required item has a document, accepted or still waiting for a reviewer. */
  allProvided: boolean;
  root: EvaluatedNode;
  /** What is still needed, written for the family. Empty when all is provided. */
  missing: string[];
  /** Documents of a type this checklist does not ask for: kept, shown as "not required here". */
  notRequiredDocumentIds: string[];
}

const CLOSE_RELATIVES: ReadonlySet<Relationship> = new Set([
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'GRANDCHILD',
]);
const NOT_SERVED: ReadonlySet<ServedVia> = new Set(['FAX', 'EMAIL']);
const SERVED_TYPES: ReadonlySet<DocumentType> = new Set(['COURT_ORDER', 'SUBPOENA']);

export function evaluateChecklist(tree: RequirementNode, input: EvaluationInput): EvaluatedChecklist {
  const root = evaluateNode(tree, input);
  const asked = new Set(documentTypesIn(tree));
  return {
    satisfied: root.status === 'SATISFIED',
    allProvided: root.status === 'SATISFIED' || root.status === 'PENDING_VERIFICATION',
    root,
    missing: describeMissing(root),
    notRequiredDocumentIds: input.documents.filter((d) => !asked.has(d.type)).map((d) => d.id),
  };
}

function evaluateNode(node: RequirementNode, input: EvaluationInput): EvaluatedNode {
  const conditions = node.conditions?.map((code) => ({ code, label: CONDITIONS[code].label }));
  if (node.kind === 'DOCUMENT') {
    return { ...evaluateDocument(node.documentType, node.conditions ?? [], input), label: node.label, conditions };
  }
  const children = node.children.map((child) => evaluateNode(child, input));
  const unmet = groupConditionsUnmet(node.conditions ?? [], input);
  const status =
    unmet.length > 0
      ? 'REJECTED'
      : combine(
          node.kind,
          children.map((child) => child.status),
        );
  return {
    kind: node.kind,
    label: node.label,
    status,
    children,
    ...(conditions ? { conditions } : {}),
    ...(unmet.length > 0 ? { reasons: unmet } : {}),
  };
}

function evaluateDocument(
  documentType: DocumentType,
  conditions: readonly Condition[],
  input: EvaluationInput,
): Omit<Extract<EvaluatedNode, { kind: 'DOCUMENT' }>, 'label' | 'conditions'> {
  const candidates = input.documents.filter((document) => document.type === documentType);
  const disqualified = new Map<string, string>();
  for (const document of candidates) {
    const reason = disqualification(document, conditions);
    if (reason) disqualified.set(document.id, reason);
  }
  const usable = candidates.filter((document) => !disqualified.has(document.id));
  const ids = (verification: Verification): string[] =>
    usable.filter((document) => document.verification === verification).map((document) => document.id);

  const base = { kind: 'DOCUMENT' as const, documentType };
  if (ids('ACCEPTED').length > 0) return { ...base, status: 'SATISFIED', documentIds: ids('ACCEPTED') };
  if (ids('PENDING').length > 0) return { ...base, status: 'PENDING_VERIFICATION', documentIds: ids('PENDING') };
  if (candidates.length === 0) return { ...base, status: 'MISSING', documentIds: [] };
  const reasons = candidates.map(
    (document) => disqualified.get(document.id) ?? document.rejectionReason ?? 'not accepted by the reviewer',
  );
  return { ...base, status: 'REJECTED', documentIds: candidates.map((document) => document.id), reasons };
}

/** Why a document cannot count here, if it cannot. Fax and e-mail never count as service, anywhere. */
function disqualification(document: EvaluatedDocumentInput, conditions: readonly Condition[]): string | undefined {
  if (SERVED_TYPES.has(document.type) && document.servedVia && NOT_SERVED.has(document.servedVia)) {
    return `it was sent by ${document.servedVia === 'FAX' ? 'fax' : 'e-mail'}, which is not formal service`;
  }
  if (conditions.includes('SERVED_NOT_BY_FAX_OR_EMAIL') && !document.servedVia) {
    return 'it does not say how it was served';
  }
  return undefined;
}

function groupConditionsUnmet(conditions: readonly Condition[], input: EvaluationInput): string[] {
  return conditions.includes('CLOSE_RELATIVE') && !CLOSE_RELATIVES.has(input.relationship)
    ? [
        `only a close relative can make this request: ${CONDITIONS.CLOSE_RELATIVE.label.replace(/^made by a close relative: /, '')}`,
      ]
    : [];
}

function combine(kind: 'ALL_OF' | 'ONE_OF', statuses: ItemStatus[]): ItemStatus {
  const some = (status: ItemStatus): boolean => statuses.includes(status);
  const every = (...allowed: ItemStatus[]): boolean => statuses.every((status) => allowed.includes(status));
  if (kind === 'ALL_OF') {
    if (every('SATISFIED')) return 'SATISFIED';
    if (every('SATISFIED', 'PENDING_VERIFICATION')) return 'PENDING_VERIFICATION';
    return some('REJECTED') ? 'REJECTED' : 'MISSING';
  }
  if (some('SATISFIED')) return 'SATISFIED';
  if (some('PENDING_VERIFICATION')) return 'PENDING_VERIFICATION';
  return some('REJECTED') ? 'REJECTED' : 'MISSING';
}

const done = (node: EvaluatedNode): boolean => node.status === 'SATISFIED' || node.status === 'PENDING_VERIFICATION';

/** "one of: inheritance certificate (Erbschein); …; list of all heirs together with their consent" */
function describeMissing(node: EvaluatedNode): string[] {
  if (done(node)) return [];
  const reasons = node.kind !== 'DOCUMENT' && node.reasons ? node.reasons : [];
  if (node.kind === 'DOCUMENT') {
    const wanted = describeAlternative(node);
    return node.status === 'REJECTED'
      ? [`${wanted}: the one sent does not count, because ${node.reasons?.join('; ')}`]
      : [wanted];
  }
  if (node.kind === 'ALL_OF') return [...reasons, ...node.children.flatMap(describeMissing)];
  return [...reasons, `one of: ${node.children.map((child) => describeAlternative(child)).join('; ')}`];
}

function describeAlternative(node: EvaluatedNode): string {
  if (node.kind === 'DOCUMENT' && node.conditions) {
    return `${node.label} (${node.conditions.map((condition) => condition.label).join('; ')})`;
  }
  return node.label;
}

function documentTypesIn(node: RequirementNode): DocumentType[] {
  return node.kind === 'DOCUMENT' ? [node.documentType] : node.children.flatMap(documentTypesIn);
}
