/**
 * Where a Markdown link's destination stands in the source, so that a rename can replace the file
 * name in it and nothing else: `[text](../notes/old.md#part "title")` keeps its `../notes/`,
 * `.md`, `#part` and title. mdast gives the decoded URL but not its place, so the raw text is read here.
 */

export interface NoteFile {
  /** The file name without `.md`, percent-decoded. */
  name: string;
  /** Source offsets of that name as written (`My%20Note` in `My%20Note.md`). */
  start: number;
  end: number;
}

/**
 * The destination's offsets in `[text](dest "title")`, searched from `after` (the end of the link
 * text, or of a definition's label) so that brackets in the text or title cannot mislead it.
 */
export function destinationRange(source: string, after: number, end: number, opener: '](' | ']:'): [number, number] | null {
  const open = source.indexOf(opener, after);
  if (open < 0 || open >= end) return null;
  let at = open + 2;
  while (at < end && /\s/.test(source[at]!)) at++;
  if (source[at] === '<') {
    const close = source.indexOf('>', at);
    return close < 0 || close > end ? null : [at + 1, close];
  }
  let depth = 0;
  let stop = at;
  for (; stop < end; stop++) {
    const ch = source[stop]!;
    if (ch === '\\') stop++;
    else if (/\s/.test(ch)) break;
    else if (ch === '(') depth++;
    else if (ch === ')' && depth-- === 0) break;
  }
  return [at, Math.min(stop, end)];
}

/** `x.md`, `./x.md`, `notes/x.md`, `/notes/x.md`, `../notes/x.md`: a note, from a note's folder or the vault's root. */
const NOTE_PATH = /^(?:\.\/)?(?:(?:\.\.\/|\/)?notes\/)?([^/]+)\.md$/i;

/**
 * The note file a destination names; null for anything else (a web page, a source, a citation, a
 * folder). `url` is mdast's decoded destination, `range` where it is written in `source`.
 */
export function noteFileOf(url: string, source: string, range: [number, number]): NoteFile | null {
  const path = url.split(/[#?]/)[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const name = NOTE_PATH.exec(decoded)?.[1];
  if (!name) return null;
  const raw = source.slice(range[0], range[1]).split(/[#?]/)[0] ?? '';
  if (!/\.md$/i.test(raw)) return null;
  const start = range[0] + raw.lastIndexOf('/') + 1;
  return { name, start, end: range[0] + raw.length - 3 };
}
