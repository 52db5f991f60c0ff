import { createHash, randomBytes } from 'node:crypto';

/** What a key may do (issue #6). Every route that keys may call names the one scope it needs. */
export const API_SCOPES = [
  'cases:read',
  'cases:write',
  'documents:read',
  'accounts:write',
  'holds:read',
  'webhooks:manage',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const PREFIX = 'nok_key_';

/**
 * A key: a recognisable prefix and 256 random bits, shown once. Stored as its SHA-256 (with that
 * much entropy nothing can be guessed offline), and found by that hash.
 */
export function generateApiKey(): { key: string; hash: Buffer; hint: string } {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), hint: `${key.slice(0, PREFIX.length + 4)}…` };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(PREFIX.length));
}
