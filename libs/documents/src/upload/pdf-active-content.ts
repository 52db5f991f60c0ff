import { inflateSync } from 'node:zlib';

/**
 * What in a PDF can act rather than show: document JavaScript, launch actions (run a program or
 * open a file), automatic actions, embedded files, rich media and XFA forms.
 *
 * A byte-level scan of the PDF's names, not a parse: names are decoded from their `#xx` escapes
 * (`/J#61vaScript` is `/JavaScript`), and Flate streams (where compressed object streams hide
 * dictionaries) are inflated and scanned too, each capped in size, so a bomb costs little. A false
 * positive only means a warning to the reviewer; what it must never do is miss a plain one.
 */
const ACTIVE_NAMES: Readonly<Partial<Record<string, string>>> = {
  JS: 'javascript',
  JavaScript: 'javascript',
  Launch: 'launch',
  AA: 'automatic-action',
  OpenAction: 'automatic-action',
  EmbeddedFile: 'embedded-file',
  EmbeddedFiles: 'embedded-file',
  RichMedia: 'rich-media',
  XFA: 'xfa',
};
export type PdfActiveContent = 'javascript' | 'launch' | 'automatic-action' | 'embedded-file' | 'rich-media' | 'xfa';

const NAME = /\/((?:[^\s/<>[\]()%{}#]|#[0-9A-Fa-f]{2})+)/g;
const STREAM = /stream\r?\n/g;
const MAX_STREAMS = 200;
const MAX_INFLATED = 4 * 1024 * 1024;

function namesIn(text: string, found: Set<PdfActiveContent>): void {
  for (const [, raw] of text.matchAll(NAME)) {
    const name = raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const kind = ACTIVE_NAMES[name];
    if (kind) found.add(kind as PdfActiveContent);
  }
}

/** The kinds of active content a PDF's bytes carry, in a stable order; empty for a plain document. */
export function findPdfActiveContent(bytes: Buffer): PdfActiveContent[] {
  const found = new Set<PdfActiveContent>();
  const text = bytes.toString('latin1');
  namesIn(text, found);
  let streams = 0;
  for (const match of text.matchAll(STREAM)) {
    if (++streams > MAX_STREAMS) break;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_INFLATED });
      namesIn(inflated.toString('latin1'), found);
    } catch {
      // Not Flate (or truncated, or too large): its raw bytes were scanned with the rest.
    }
  }
  return [...found].sort();
}
