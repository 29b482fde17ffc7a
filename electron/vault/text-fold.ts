/**
 * Folding for matching what people type against titles: case, accents and spacing do not count,
 * so `ha noi`, `Hà Nội` and `HÀ  NỘI` meet, as in search. Done one code point at a time, so that
 * a match in the folded text can be mapped back to the exact characters of the original.
 */

const memo = new Map<string, string>();

function foldCodePoint(ch: string): string {
  let folded = memo.get(ch);
  if (folded === undefined) {
    folded = /^[ \t\u00a0\u2000-\u200a\u202f\u3000]$/u.test(ch)
      ? ' '
      : ch
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[đĐ]/g, 'd')
          .toLowerCase()
          // Lowercased one letter at a time, Σ gives σ; a whole word would end in ς.
          .replace(/ς/g, 'σ');
    memo.set(ch, folded);
  }
  return folded;
}

/** The folded text; runs of spaces and tabs become one space. */
export function fold(text: string): string {
  let folded = '';
  for (const ch of text) {
    const f = foldCodePoint(ch);
    if (f === ' ' && folded.endsWith(' ')) continue;
    folded += f;
  }
  return folded;
}

/** A title or tag as compared: folded and trimmed. */
export function foldName(text: string): string {
  return fold(text.trim()).trim();
}

/**
 * The folded text with, for each of its code units, the offset in `text` of the code point it came
 * from; `origin[folded.length]` is `text.length`, so `[origin[a], origin[b])` is a match's source.
 */
export function foldMapped(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const f = foldCodePoint(ch);
    if (!(f === ' ' && folded.endsWith(' '))) {
      for (let k = 0; k < f.length; k++) origin.push(at);
      folded += f;
    }
    at += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Whether `folded[start, end)` stands as whole words: no letter or digit right before or after. */
export function isWholeWord(folded: string, start: number, end: number): boolean {
  const before = folded.slice(Math.max(0, start - 2), start);
  const after = folded.slice(end, end + 2);
  return !/[\p{L}\p{N}_]$/u.test(before) && !/^[\p{L}\p{N}_]/u.test(after);
}
