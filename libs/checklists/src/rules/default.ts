import { allOf, document, oneOf } from '../model/builders.js';
import type { ChecklistVersion } from '../model/requirement.js';

/**
 * Everywhere else (domain.md §2 "Everywhere else", from 003): the provider must first be formally
 * served a subpoena or court order on its registered agent where the requester lives; fax and
 * e-mail get no answer. Closing and preserving as in the EU (see the README's rules section).
 */
const servedOnAgent = ['NON_CRIMINAL', 'SERVED_ON_REGISTERED_AGENT', 'SERVED_NOT_BY_FAX_OR_EMAIL'] as const;

const proofOfDeath = oneOf('proof of death (or, for an incapacitated holder, of your appointment)', [
  document('DEATH_CERTIFICATE'),
  document('OFFICIAL_DEATH_PROOF'),
  document('COURT_ORDER', { label: 'court order appointing you guardian or representative' }),
]);

const standing = oneOf('proof that you may act for the account holder', [
  document('INHERITANCE_CERTIFICATE', { label: 'inheritance certificate, letters testamentary or of administration' }),
  document('COURT_SOLE_HEIR_PROOF'),
  document('POWER_OF_ATTORNEY'),
  document('MARRIAGE_CERTIFICATE'),
  document('COURT_ORDER', { label: 'court order naming you executor, administrator or guardian' }),
]);

export const DEFAULT_V1: ChecklistVersion = {
  jurisdiction: 'DEFAULT',
  version: 'DEFAULT-1',
  effectiveFrom: '2026-01-01',
  source: 'domain.md §2 Everywhere else; 003 (next-of-kin page: formal service on the registered agent)',
  checklists: {
    RELEASE_DATA: oneOf('a non-criminal court order or subpoena formally served on the registered agent', [
      document('COURT_ORDER', { conditions: [...servedOnAgent] }),
      document('SUBPOENA', { conditions: [...servedOnAgent] }),
    ]),
    CLOSE_ACCOUNT: allOf('proof of death and of your standing', [proofOfDeath, document('REQUESTER_ID'), standing]),
    PRESERVE_DATA: allOf('proof of death and of who you are', [proofOfDeath, document('REQUESTER_ID')]),
  },
};
