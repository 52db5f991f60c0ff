import type { RequestType } from '@app/common';
import type { Jurisdiction } from './jurisdiction.js';
import type { ChecklistVersion, RequirementNode } from './model/requirement.js';
import { CHINA_V1 } from './rules/cn.js';
import { DEFAULT_V1 } from './rules/default.js';
import { GERMANY_V1 } from './rules/de.js';
import { EU_V1 } from './rules/eu.js';

/** Every version of every jurisdiction's rules. A new version is added here, never edited in place. */
export const RULEBOOK: readonly ChecklistVersion[] = [EU_V1, GERMANY_V1, CHINA_V1, DEFAULT_V1];

export interface SelectedChecklist {
  jurisdiction: Jurisdiction;
  version: string;
  effectiveFrom: string;
  checklist: RequirementNode;
}

export class NoChecklistInForce extends Error {
  constructor(jurisdiction: Jurisdiction, on: string) {
    super(`No ${jurisdiction} checklist was in force on ${on}`);
    this.name = 'NoChecklistInForce';
  }
}

/** The checklist of a version a case was pinned to when it was submitted. */
export function checklistOfVersion(
  version: string,
  requestType: RequestType,
  rulebook: readonly ChecklistVersion[] = RULEBOOK,
): SelectedChecklist {
  const rules = rulebook.find((candidate) => candidate.version === version);
  if (!rules) throw new Error(`Unknown checklist version ${version}`);
  return {
    jurisdiction: rules.jurisdiction,
    version: rules.version,
    effectiveFrom: rules.effectiveFrom,
    checklist: rules.checklists[requestType],
  };
}

/**
 * The checklist a case is judged by: the version of its jurisdiction in force on the day it was
 * submitted (`submittedOn`, YYYY-MM-DD). Later versions apply to later cases only.
 */
export function checklistInForce(
  jurisdiction: Jurisdiction,
  requestType: RequestType,
  submittedOn: string,
  rulebook: readonly ChecklistVersion[] = RULEBOOK,
): SelectedChecklist {
  const inForce = rulebook
    .filter((rules) => rules.jurisdiction === jurisdiction && rules.effectiveFrom <= submittedOn)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
    .at(0);
  if (!inForce) throw new NoChecklistInForce(jurisdiction, submittedOn);
  return {
    jurisdiction,
    version: inForce.version,
    effectiveFrom: inForce.effectiveFrom,
    checklist: inForce.checklists[requestType],
  };
}
