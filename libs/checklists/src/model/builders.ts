import type { DocumentType } from '@app/common';
import { DOCUMENT_LABELS } from './document-labels.js';
import type { Condition, RequirementNode } from './requirement.js';

/** Small constructors so the rule files read like the checklists in domain.md. */

export function allOf(label: string, children: RequirementNode[], conditions?: Condition[]): RequirementNode {
  return { kind: 'ALL_OF', label, children, ...(conditions ? { conditions } : {}) };
}

export function oneOf(label: string, children: RequirementNode[], conditions?: Condition[]): RequirementNode {
  return { kind: 'ONE_OF', label, children, ...(conditions ? { conditions } : {}) };
}

export function document(
  documentType: DocumentType,
  options: { conditions?: Condition[]; label?: string } = {},
): RequirementNode {
  return {
    kind: 'DOCUMENT',
    documentType,
    label: options.label ?? DOCUMENT_LABELS[documentType],
    ...(options.conditions ? { conditions: options.conditions } : {}),
  };
}
