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
