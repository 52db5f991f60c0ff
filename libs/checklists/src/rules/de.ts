import { allOf, document, oneOf } from '../model/builders.js';
import type { ChecklistVersion } from '../model/requirement.js';

/**
 * Germany (domain.md §2 "Germany (DE)", from 003): support gives access to those who prove legal
 * succession. Closing and preserving use the same proofs of death and identity; closing, being
 * irreversible, also needs the proof of succession (see the README's rules section).
 */
const deathCertificate = document('DEATH_CERTIFICATE');
const deceasedId = document('DECEASED_ID');

const legalSuccession = oneOf('proof that you are the legal successor', [
  document('INHERITANCE_CERTIFICATE'),
  document('COURT_SOLE_HEIR_PROOF'),
  allOf('list of all heirs together with their consent', [document('HEIRS_LIST'), document('HEIRS_CONSENT')]),
]);

const requesterIdentity = oneOf('your identity, or your authority to act', [
  document('REQUESTER_ID'),
  document('POWER_OF_ATTORNEY'),
]);

export const GERMANY_V1: ChecklistVersion = {
  jurisdiction: 'DE',
  version: 'DE-1',
  effectiveFrom: '2026-01-01',
  source: 'domain.md §2 Germany; 003 (next-of-kin page, Germany: proof of legal succession)',
  checklists: {
    RELEASE_DATA: allOf('proof of legal succession', [
      deathCertificate,
      deceasedId,
      legalSuccession,
      requesterIdentity,
    ]),
    CLOSE_ACCOUNT: allOf('proof of legal succession', [
      deathCertificate,
      deceasedId,
      legalSuccession,
      requesterIdentity,
    ]),
    PRESERVE_DATA: allOf('proof of death and of who you are', [deathCertificate, requesterIdentity]),
  },
};
