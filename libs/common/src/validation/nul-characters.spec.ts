import { nulCharacterPaths } from './nul-characters.js';

describe('nulCharacterPaths', () => {
  it.each([
    ['a clean body', { requester: { fullName: 'Jonas Keller' }, items: ['a', 1, null] }, []],
    ['a nested field', { requester: { fullName: 'Jonas\u0000Keller' } }, ['requester.fullName']],
    ['an array item', { items: ['ok', 'b\u0000'] }, ['items[1]']],
    ['a key', { 'bad\u0000key': 1 }, ['bad\u0000key']],
    ['a bare string', '\u0000', ['value']],
    ['numbers and booleans', { n: 0, b: false }, []],
  ] as const)('%s', (_name, value, expected) => {
    expect(nulCharacterPaths(value)).toEqual(expected);
  });
});
