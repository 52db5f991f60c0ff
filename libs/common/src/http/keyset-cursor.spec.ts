import { describe, expect, it } from '@jest/globals';
import { CURSOR_FIELDS, decodeCursor, encodeCursor } from './keyset-cursor.js';

const FIELDS = { at: CURSOR_FIELDS.instant, id: CURSOR_FIELDS.uuid, sort: CURSOR_FIELDS.exactly('risk') };
const POSITION = { at: '2026-11-22T10:00:00.000Z', id: '3f1c1a2e-7d0b-4c1e-9a55-0d1f2e3a4b5c', sort: 'risk' };

describe('keyset cursors', () => {
  it('give back the position they were made from', () => {
    expect(decodeCursor(encodeCursor(POSITION), FIELDS)).toEqual(POSITION);
  });

  it.each([
    ['not base64 JSON', 'bm9wZQ'],
    ['an array', encodeCursor({ 0: 'x' })],
    ['a field missing', encodeCursor({ at: POSITION.at, sort: 'risk' })],
    ['a field too many', encodeCursor({ ...POSITION, extra: 1 })],
    ['an id that is none', encodeCursor({ ...POSITION, id: "1' OR '1'='1" })],
    ['another sort', encodeCursor({ ...POSITION, sort: 'created' })],
    ['a time that is none', encodeCursor({ ...POSITION, at: 'yesterday-ish' })],
  ])('refuse %s', (_name, cursor) => {
    expect(decodeCursor(cursor, FIELDS)).toBeUndefined();
  });
});
