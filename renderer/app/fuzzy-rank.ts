import { foldForMatch } from '../i18n/fold-for-match.ts';

/** Case- and accent-insensitive form: "Hà Nội" and "ha noi" are one name, as a researcher types them. */
export function foldName(text: string): string {
  return foldForMatch(text).replace(/\s+/g, ' ').trim();
}

/**
 * Items ranked for what was typed: the exact name first, then prefix matches, words in order, and
 * scattered letters; ties by name. An item's first name is its own; the others (a path, an alias)
 * rank it just below an item whose own name matches as well, so "Regional" picks the code
 * "Regional cooperation" before its sub-code "Regional cooperation › Meetings".
 */
export function rankByName<T>(query: string, items: readonly T[], namesOf: (item: T) => string[], limit: number): T[] {
  const wanted = foldName(query);
  if (wanted === '') return items.slice(0, limit);
  const scored: { item: T; score: number; name: string }[] = [];
  for (const item of items) {
    const names = namesOf(item);
    const score = Math.max(...names.map((name, index) => matchScore(wanted, foldName(name)) - (index === 0 ? 0 : 0.5)));
    if (score > 0) scored.push({ item, score, name: names[0] ?? '' });
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit).map((entry) => entry.item);
}

function matchScore(wanted: string, name: string): number {
  if (name === wanted) return 5;
  if (name.startsWith(wanted)) return 4;
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))) return 3;
  if (name.includes(wanted)) return 2;
  // Letters in order, as fuzzy finders do ("cmtl" finds "COMMIT timeline").
  let at = 0;
  for (const char of name) if (char === wanted[at]) at++;
  return at === wanted.length ? 1 : 0;
}
