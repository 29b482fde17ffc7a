/**
 * A selection as the reader sends it, made into a passage: the spaces and line breaks a mouse drag
 * or a triple click takes along at either end are left out, so the quote starts and ends on text.
 * Null when nothing but white space (or nothing of this body) was selected.
 */
export function trimPassage(body: string, start: number, end: number): { start: number; end: number } | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || end <= start) return null;
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(body[from] ?? '')) from++;
  while (to > from && /\s/u.test(body[to - 1] ?? '')) to--;
  // A passage never splits a surrogate pair: the quote must be valid text on its own.
  if (from > 0 && isLowSurrogate(body.charCodeAt(from))) from--;
  if (to < body.length && isLowSurrogate(body.charCodeAt(to))) to++;
  return to > from ? { start: from, end: to } : null;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
