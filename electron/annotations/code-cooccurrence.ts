import type { CodeCooccurrence } from '../vault/vault-records.ts';
import type { PlacedPassage } from './passage-query.ts';

/**
 * Which codes meet on the same words. A passage coded `a` meets `b` when it is itself coded `b`, or
 * overlaps (in its source's text as it stands today) a passage coded `b`. For the pair a < b (by id)
 * the count is the number of passages coded `a` that meet `b`. Codes count as themselves only here:
 * rolling sub-codes up would make every parent meet its children.
 */

/** For each passage, the passages it overlaps (itself excluded), found by a sweep over each source. */
function overlaps(placed: readonly PlacedPassage[]): Map<PlacedPassage, PlacedPassage[]> {
  const met = new Map<PlacedPassage, PlacedPassage[]>(placed.map((p) => [p, []]));
  const bySource = new Map<string, PlacedPassage[]>();
  for (const p of placed) if (p.span) bySource.set(p.passage.sourceId, [...(bySource.get(p.passage.sourceId) ?? []), p]);
  for (const list of bySource.values()) {
    list.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
    let open: PlacedPassage[] = [];
    for (const p of list) {
      const { start, end } = p.span ?? { start: 0, end: 0 };
      open = open.filter((o) => (o.span?.end ?? 0) > start);
      for (const o of open) {
        met.get(o)?.push(p);
        met.get(p)?.push(o);
      }
      if (end > start) open.push(p);
    }
  }
  return met;
}

export function codeCooccurrence(placed: readonly PlacedPassage[]): CodeCooccurrence {
  const counts = new Map<string, { a: string; b: string; count: number }>();
  for (const [p, others] of overlaps(placed)) {
    const meets = new Set([...p.passage.annotation.codes, ...others.flatMap((o) => o.passage.annotation.codes)]);
    for (const a of new Set(p.passage.annotation.codes)) {
      for (const b of meets) {
        if (!(a < b)) continue;
        const key = `${a}\u0000${b}`;
        const pair = counts.get(key) ?? { a, b, count: 0 };
        pair.count++;
        counts.set(key, pair);
      }
    }
  }
  return { pairs: [...counts.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b)) };
}

/** The passages behind one pair: those coded `a` that meet `b`, and the passages coded `b` they meet, each once. */
export function cooccurringPassages(placed: readonly PlacedPassage[], a: string, b: string): PlacedPassage[] {
  const found = new Set<PlacedPassage>();
  for (const [p, others] of overlaps(placed)) {
    if (!p.passage.annotation.codes.includes(a)) continue;
    const partners = [p, ...others].filter((o) => o.passage.annotation.codes.includes(b));
    if (partners.length === 0) continue;
    found.add(p);
    for (const o of partners) found.add(o);
  }
  return [...found];
}
