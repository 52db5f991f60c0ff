import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): above OWASP's minimum. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

/**
 * Checked when the e-mail is unknown, so a wrong address takes as long as a wrong password and
 * timing does not tell which accounts exist.
 */
export const DECOY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$2mBQ2ZxXVx5n0tXB3r5rKpnvR0jOZ4B1tC6W8Qb1Nck';

export const MIN_PASSWORD_LENGTH = 12;
