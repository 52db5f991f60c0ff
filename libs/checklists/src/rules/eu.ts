import { allOf, document, oneOf } from '../model/builders.js';
import type { ChecklistVersion } from '../model/requirement.js';

/**
 * EU/EEA except Germany (domain.md §2 "EU", from 003): content only on a non-criminal court order
 * or subpoena processed by the Irish entity, and served: never by fax or e-mail.
 * Closing and preserving disclose no content, so they need proof of death and standing instead
 * (see the README's rules section).
 */
const servedOnIreland = ['NON_CRIMINAL', 'ADDRESSED_TO_IRISH_ENTITY', 'SERVED_NOT_BY_FAX_OR_EMAIL'] as const;

const proofOfDeath = oneOf('proof of death (or, for an incapacitated holder, of your appointment)', [
  document('DEATH_CERTIFICATE'),
  document('OFFICIAL_DEATH_PROOF'),
  document('COURT_ORDER', { label: 'court order appointing you guardian or representative' }),
]);

const standing = oneOf('proof that you may act for the account holder', [
  document('INHERITANCE_CERTIFICATE', { label: 'inheritance certificate or certificate of succession' }),
  document('COURT_SOLE_HEIR_PROOF'),
  document('POWER_OF_ATTORNEY'),
  document('MARRIAGE_CERTIFICATE'),
  document('COURT_ORDER', { label: 'court order naming you executor, administrator or guardian' }),
]);

export const EU_V1: ChecklistVersion = {
  jurisdiction: 'EU',
  version: 'EU-1',
  effectiveFrom: '2026-01-01',
  source: 'domain.md §2 EU; 003 (next-of-kin page, EU: Microsoft Ireland Operations Ltd)',
  checklists: {
    RELEASE_DATA: oneOf('a served, non-criminal court order or subpoena processed by the Irish entity', [
      document('COURT_ORDER', { conditions: [...servedOnIreland] }),
      document('SUBPOENA', { conditions: [...servedOnIreland] }),
    ]),
    CLOSE_ACCOUNT: allOf('proof of death and of your standing', [proofOfDeath, document('REQUESTER_ID'), standing]),
    PRESERVE_DATA: allOf('proof of death and of who you are', [proofOfDeath, document('REQUESTER_ID')]),
  },
};
