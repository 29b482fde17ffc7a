/**
 * Folding for re-anchoring: two texts that differ only in typography (curly versus straight quotes,
 * « » versus ", en dash versus hyphen, NFD versus NFC, re-wrapped lines) fold to the same string.
 * Matching happens on the folded text; the offset maps lead every folded index back to the exact
 * stretch of the original it came from, so a card always shows `body.slice(start, end)`.
 */

export interface Folded {
  text: string;
  /** starts[i] = original offset where the unit that produced folded char i begins. */
  starts: number[];
  /** ends[i] = original offset where that unit ends (exclusive). */
  ends: number[];
  /** Length of the original, so positions past the end still map. */
  originalLength: number;
}

const SINGLE = "'";
const DOUBLE = '"';
const CHAR_FOLDS: Record<string, string> = {
  '\u2018': SINGLE, '\u2019': SINGLE, '\u201A': SINGLE, '\u201B': SINGLE, '\u2039': SINGLE, '\u203A': SINGLE,
  '\u201C': DOUBLE, '\u201D': DOUBLE, '\u201E': DOUBLE, '\u00AB': DOUBLE, '\u00BB': DOUBLE,
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};
/** Guillemets carry a (non-breaking) space on their inner side in French; "x" has none. */
const OPENING_GUILLEMETS = new Set(['\u00AB', '\u2039']);
const CLOSING_GUILLEMETS = new Set(['\u00BB', '\u203A']);
const WHITESPACE = /\s/;
const MARK = /\p{M}/u;

function isSpace(ch: string | undefined): boolean {
  // A code-unit test first: regexes on every character make folding long bodies slow.
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && WHITESPACE.test(ch);
}

function isMark(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x300 && MARK.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

export function fold(original: string): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, from: number, to: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) {
      starts.push(from);
      ends.push(to);
    }
  };
  let afterOpeningGuillemet = false;
  let i = 0;
  while (i < original.length) {
    const ch = original[i] ?? '';
    if (isSpace(ch)) {
      let j = i;
      while (isSpace(original[j])) j++;
      const next = original[j] ?? '';
      if (afterOpeningGuillemet && ends.length > 0) {
        // « texte: the space belongs to the guillemet, as in "texte".
        ends[ends.length - 1] = j;
      } else if (CLOSING_GUILLEMETS.has(next)) {
        emit(CHAR_FOLDS[next] ?? DOUBLE, i, j + 1);
        j++;
      } else {
        emit(' ', i, j);
      }
      afterOpeningGuillemet = false;
      i = j;
      continue;
    }
    // A base character and its combining marks form one unit, so NFC can compose them.
    let j = i + ((original.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    while (j < original.length && isMark(original, j)) j += (original.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
    const unit = original.slice(i, j);
    const mapped = j - i === 1 ? (CHAR_FOLDS[unit] ?? unit) : unit;
    if (mapped === '-' && text.endsWith('-') && ends.length > 0) {
      // "--" typed for "—": a run of dashes is one dash.
      ends[ends.length - 1] = j;
      i = j;
      continue;
    }
    emit(j - i === 1 ? mapped : unit.normalize('NFC'), i, j);
    afterOpeningGuillemet = OPENING_GUILLEMETS.has(unit);
    i = j;
  }
  return { text, starts, ends, originalLength: original.length };
}

/** The original stretch [start, end) behind the folded stretch [from, to). */
export function toOriginal(folded: Folded, from: number, to: number): { start: number; end: number } {
  const start = from < folded.starts.length ? (folded.starts[from] ?? folded.originalLength) : folded.originalLength;
  const end = to > 0 ? (folded.ends[to - 1] ?? folded.originalLength) : 0;
  return { start, end: Math.max(start, end) };
}

/** The folded index of an original offset: the first folded char whose unit starts at or after it. */
export function toFolded(folded: Folded, offset: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folded.starts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let cached: { original: string; folded: Folded } | undefined;

/** fold() remembering the last body: a source's annotations are anchored one after another. */
export function foldCached(original: string): Folded {
  if (cached?.original !== original) cached = { original, folded: fold(original) };
  return cached.folded;
}
