import type { DocumentType } from '@app/common';

/** How each document type is named to a person, in the words of domain.md. */
export const DOCUMENT_LABELS: Record<DocumentType, string> = {
  DEATH_CERTIFICATE: 'death certificate (a copy)',
  SOCIAL_ID_DEREGISTRATION: 'deregistration certificate of the social ID',
  OFFICIAL_DEATH_PROOF: 'other official document proving the death',
  DECEASED_ID: "copy of the deceased's ID card or passport",
  REQUESTER_ID: 'copy of your own ID card or passport',
  POWER_OF_ATTORNEY: 'signed power of attorney',
  INHERITANCE_CERTIFICATE: 'inheritance certificate (Erbschein)',
  COURT_SOLE_HEIR_PROOF: 'court documentation proving you are the sole heir',
  HEIRS_LIST: 'list of all heirs with their names and addresses',
  HEIRS_CONSENT: "all heirs' consent that you act on their behalf",
  HUKOU_REGISTRATION: 'hukou (household) registration',
  MARRIAGE_CERTIFICATE: 'marriage certificate',
  PSB_RELATIONSHIP_CERTIFICATE: 'relationship certificate from a Public Security Bureau or Subdistrict Office',
  NOTARIZED_RELATIONSHIP_CERTIFICATE: 'relationship certificate from a Notary Office',
  SIGNED_DECLARATION: 'signed statement of why you need access to the account',
  COURT_ORDER: 'court order',
  SUBPOENA: 'subpoena',
  OTHER: 'other document',
};
