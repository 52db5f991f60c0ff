/**
 * Keyset pagination cursors: the position of a page's last item, base64url JSON, opaque to callers.
 * Checked field by field when they come back, so a forged cursor is a 400, never a failed query.
 */
export type CursorPosition = Record<string, string | number>;
export type FieldCheck = (value: unknown) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const CURSOR_FIELDS = {
  uuid: (value: unknown): boolean => typeof value === 'string' && UUID.test(value),
  instant: (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
  date: (value: unknown): boolean => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
  integer: (value: unknown): boolean => Number.isInteger(value),
  exactly:
    (expected: string): FieldCheck =>
    (value) =>
      value === expected,
};

export function encodeCursor(position: Readonly<CursorPosition>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position, if the cursor holds exactly these fields, each passing its check. */
export function decodeCursor<T extends CursorPosition>(
  cursor: string,
  fields: Readonly<Record<keyof T, FieldCheck>>,
): T | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    const checks = Object.entries(fields) as [string, FieldCheck][];
    const valid =
      entries.length === checks.length &&
      checks.every(([name, check]) => check((value as Record<string, unknown>)[name]));
    return valid ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
