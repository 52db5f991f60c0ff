/**
 * Original file names are kept only as display metadata. A name carrying path parts, control
 * characters or invisible direction overrides (used to disguise `exe` as `pdf`) is refused;
 * what passes is normalised. Non-Latin names (`死亡证明.pdf`, `Sterbeurkunde_Müller.pdf`) pass as they are.
 */
const PATH_PARTS = /[/\\]|^\.\.?$/;
const CONTROL = /\p{Cc}/u;
// Bidirectional embeddings, overrides, isolates and marks, plus other invisible format characters.
const INVISIBLE_FORMAT = /\p{Cf}/u;
const MAX_LENGTH = 200;

export type FileNameVerdict = { ok: true; name: string } | { ok: false; reason: string };

export function judgeFileName(raw: string | undefined): FileNameVerdict {
  const name = (raw ?? '').normalize('NFC').trim();
  if (name === '') return { ok: true, name: 'document' };
  if (PATH_PARTS.test(name)) {
    return { ok: false, reason: 'the file name contains folder parts (/ or \\); send the file under its plain name' };
  }
  if (CONTROL.test(name) || INVISIBLE_FORMAT.test(name)) {
    return {
      ok: false,
      reason: 'the file name contains hidden control or text-direction characters; rename the file and send it again',
    };
  }
  return { ok: true, name: truncateKeepingExtension(name) };
}

/** Cuts by code points, never inside a surrogate pair. */
function truncateKeepingExtension(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)).slice(0, 16) : [];
  return [...chars.slice(0, MAX_LENGTH - extension.length), ...extension].join('');
}

/** The extension each allowed type is stored under: the name follows what the bytes were judged to be. */
const EXTENSION_OF: Readonly<Partial<Record<string, string>>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/heic': 'heic',
  'image/heif': 'heif',
};
/** Spellings of the same type that a name may already carry (kept as they are). */
const SAME_TYPE: Readonly<Partial<Record<string, readonly string[]>>> = {
  jpg: ['jpg', 'jpeg', 'jpe'],
  tif: ['tif', 'tiff'],
  heic: ['heic', 'heif'],
  heif: ['heif', 'heic'],
};
const EXTENSION = /\.([^.\s]{1,16})$/u;

/**
 * Gives a judged name the extension of the type its bytes were sniffed as, keeping the base name:
 * `invoice.html` judged `application/pdf` is `invoice.pdf`; `scan` judged `image/png` is `scan.png`.
 */
export function nameForMediaType(name: string, mediaType: string): string {
  const wanted = EXTENSION_OF[mediaType];
  if (wanted === undefined) return name;
  const match = EXTENSION.exec(name);
  const current = match?.[1]?.toLowerCase();
  if (current !== undefined && (SAME_TYPE[wanted] ?? [wanted]).includes(current)) return name;
  const base = match && match.index > 0 ? name.slice(0, match.index) : name;
  return truncateKeepingExtension(`${base}.${wanted}`);
}
