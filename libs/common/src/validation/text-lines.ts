import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Characters that rewrite what a reader sees rather than being text: C0 and C1 controls (CR, LF,
 * TAB, ESC…), DEL, and the bidirectional controls (embeddings, overrides, isolates, the LRM/RLM and
 * ALM marks). In a name they reach e-mails from the official sender and the operator's terminal.
 */
const BIDI = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const SINGLE_LINE_FORBIDDEN = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI}]`, 'u');
/** As above, but a line feed is allowed (CR only as part of CRLF). */
const MULTI_LINE_FORBIDDEN = new RegExp(`[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F${BIDI}]|\\r(?!\\n)`, 'u');

export function isSingleLineText(value: string): boolean {
  return !SINGLE_LINE_FORBIDDEN.test(value);
}

export function isMultiLineText(value: string): boolean {
  return !MULTI_LINE_FORBIDDEN.test(value.replace(/\r\n/g, '\n'));
}

function textDecorator(name: string, test: (value: string) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message, ...options },
        // Type checks belong to @IsString; only strings are judged here.
        validator: { validate: (value: unknown) => typeof value !== 'string' || test(value) },
      });
}

/** Free text meant for one line (a name, a reference, a label): no control or bidi characters. */
export const SingleLineText = textDecorator(
  'singleLineText',
  isSingleLineText,
  'must be one line of text, without control characters (line breaks, tabs, escape) or bidirectional controls',
);

/** Free text that may span lines (a note, a statement): line breaks, but no other control or bidi characters. */
export const MultiLineText = textDecorator(
  'multiLineText',
  isMultiLineText,
  'must be text without control characters other than line breaks, and without bidirectional controls',
);
