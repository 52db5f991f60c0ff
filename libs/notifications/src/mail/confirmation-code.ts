import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DocumentCipher } from '@app/documents';

/**
 * The code that confirms a requester's e-mail address: an HMAC of the case id under a key derived
 * from the master key. Nothing is stored, so nothing can leak from the database; it is re-derived
 * to send it and to check it.
 */
export function confirmationCode(cipher: DocumentCipher, caseId: string): string {
  return createHmac('sha256', cipher.derive('email-confirmation')).update(caseId).digest('base64url');
}

export function confirmationCodeMatches(cipher: DocumentCipher, caseId: string, code: string): boolean {
  const expected = Buffer.from(confirmationCode(cipher, caseId));
  const given = Buffer.from(code);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
