import { foldForMatch } from '../i18n/i18n.tsx';

/** Case- and accent-insensitive form: "Hà Nội" and "ha noi" are one name, as a researcher types them. */
export function foldName(text: string): string {
  return foldForMatch(text).replace(/\s+/g, ' ').trim();
}

/** Items ranked for what was typed: prefix matches first, then words in order, then scattered letters; ties by name. */
export function rankByName<T>(query: string, items: readonly T[], namesOf: (item: T) => string[], limit: number): T[] {
  const wanted = foldName(query);
  if (wanted === '') return items.slice(0, limit);
  const scored: { item: T; score: number; name: string }[] = [];
  for (const item of items) {
    const names = namesOf(item);
    const score = Math.max(...names.map((name) => matchScore(wanted, foldName(name))));
    if (score > 0) scored.push({ item, score, name: names[0] ?? '' });
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit).map((entry) => entry.item);
}

function matchScore(wanted: string, name: string): number {
  if (name.startsWith(wanted)) return 4;
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))) return 3;
  if (name.includes(wanted)) return 2;
  // Letters in order, as fuzzy finders do ("cmtl" finds "COMMIT timeline").
  let at = 0;
  for (const char of name) if (char === wanted[at]) at++;
  return at === wanted.length ? 1 : 0;
}
