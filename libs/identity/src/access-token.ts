import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A requester's access token: 256 random bits, shown once, stored only as its SHA-256.
 * A fast hash is enough here: with 256 bits of entropy there is nothing to guess offline.
 */
export function generateAccessToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashAccessToken(token) };
}

export function hashAccessToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of a presented token against a stored hash. */
export function accessTokenMatches(token: string, storedHash: Buffer): boolean {
  const presented = hashAccessToken(token);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}

/** A well-formed token is 43 base64url characters; anything else is rejected before any lookup. */
export function isWellFormedAccessToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The token from an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
