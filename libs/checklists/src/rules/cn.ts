import { allOf, document, oneOf } from '../model/builders.js';
import type { ChecklistVersion } from '../model/requirement.js';

/**
 * China (domain.md §2 "China (CN)", from 003): requests by a close relative with a legitimate
 * interest. Anyone else cannot satisfy any of these checklists, whatever they upload.
 */
const proofOfDeath = oneOf('proof of death', [
  document('DEATH_CERTIFICATE'),
  document('SOCIAL_ID_DEREGISTRATION'),
  document('OFFICIAL_DEATH_PROOF'),
]);

const proofOfCloseRelationship = oneOf('proof that you are a close relative', [
  document('HUKOU_REGISTRATION'),
  document('MARRIAGE_CERTIFICATE'),
  document('PSB_RELATIONSHIP_CERTIFICATE'),
  document('NOTARIZED_RELATIONSHIP_CERTIFICATE'),
]);

const fullProof = allOf(
  'request by a close relative',
  [proofOfDeath, proofOfCloseRelationship, document('REQUESTER_ID'), document('SIGNED_DECLARATION')],
  ['CLOSE_RELATIVE'],
);

export const CHINA_V1: ChecklistVersion = {
  jurisdiction: 'CN',
  version: 'CN-1',
  effectiveFrom: '2026-01-01',
  source: 'domain.md §2 China; 003 (next-of-kin page, China: close relatives with a legitimate interest)',
  checklists: {
    RELEASE_DATA: fullProof,
    CLOSE_ACCOUNT: fullProof,
    PRESERVE_DATA: allOf(
      'proof of death and of a close relationship',
      [proofOfDeath, proofOfCloseRelationship, document('REQUESTER_ID')],
      ['CLOSE_RELATIVE'],
    ),
  },
};
