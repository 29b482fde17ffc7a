/** Small string measures for scoring anchoring candidates; all work on folded text. */

/** How many characters a and b share at their ends. */
export function sharedSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters a and b share at their starts. */
export function sharedPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Levenshtein distance, two rows: only used on contexts of a few dozen characters. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let k = 1; k <= b.length; k++) {
      const substitution = (previous[k - 1] ?? 0) + (a[i - 1] === b[k - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[k] ?? 0) + 1, (current[k - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1 for identical, 0 for nothing in common; an empty expectation agrees with anything. */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / Math.max(expected.length, actual.length));
}

/**
 * How well the text around [from, to) agrees with the remembered prefix and suffix, in [0, 1].
 * Exact agreement counts from the quote outwards (what the old renderer did); `fuzzy` uses edit
 * distance instead, for approximate candidates whose context may itself carry an edit.
 */
export function contextAgreement(text: string, from: number, to: number, prefix: string, suffix: string, fuzzy: boolean): number {
  const before = text.slice(Math.max(0, from - prefix.length), from);
  const after = text.slice(to, to + suffix.length);
  const p = prefix.length === 0 ? 1 : fuzzy ? similarity(prefix, before) : sharedSuffixLength(before, prefix) / prefix.length;
  const s = suffix.length === 0 ? 1 : fuzzy ? similarity(suffix, after) : sharedPrefixLength(after, suffix) / suffix.length;
  return (p + s) / 2;
}

/** 1 at the remembered position, falling to 0 a body-length (at least 2,000 chars) away. */
export function closeness(at: number, remembered: number, bodyLength: number): number {
  return Math.max(0, 1 - Math.abs(at - remembered) / Math.max(2000, bodyLength));
}
