import { isMultiLineText, isSingleLineText } from './text-lines.js';

describe('isSingleLineText and isMultiLineText', () => {
  it.each([
    ['a plain name', 'Anna Keller', true, true],
    ['letters beyond ASCII', 'Zoë Ørsted-Şahin 李', true, true],
    ['an Arabic name (right-to-left letters are text)', 'ليلى', true, true],
    ['LF', 'Anna\nKeller', false, true],
    ['CRLF', 'Anna\r\nKeller', false, true],
    ['a lone CR', 'Anna\rKeller', false, false],
    ['TAB', 'Anna\tKeller', false, false],
    ['ESC', 'Anna\u001b[31mKeller', false, false],
    ['DEL', 'Anna\u007f', false, false],
    ['a C1 control (NEL)', 'Anna\u0085', false, false],
    ['RIGHT-TO-LEFT OVERRIDE', 'Anna\u202eKeller', false, false],
    ['LEFT-TO-RIGHT EMBEDDING', '\u202aAnna', false, false],
    ['FIRST STRONG ISOLATE', '\u2068Anna\u2069', false, false],
    ['RIGHT-TO-LEFT MARK', 'Anna\u200f', false, false],
    ['ARABIC LETTER MARK', 'Anna\u061c', false, false],
  ] as const)('%s', (_name, value, single, multi) => {
    expect(isSingleLineText(value)).toBe(single);
    expect(isMultiLineText(value)).toBe(multi);
  });
});
