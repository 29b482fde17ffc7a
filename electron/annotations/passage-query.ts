import type { CodedPassage, PassageQuery } from '../vault/vault-records.ts';
import type { CodeTree } from './code-tree.ts';

/** Passages as the analysis sees them: where each stands in its source's body today (null: not found, or let go). */
export interface PlacedPassage {
  passage: CodedPassage;
  span: { start: number; end: number } | null;
}

/**
 * Passages coded with every code of `all`, one of `any` (when it names any) and none of `none`,
 * where a code stands for its sub-codes too: asking for "Places" finds a passage coded "Hanoi".
 */
export function queryPassages(placed: readonly PlacedPassage[], tree: CodeTree, query: PassageQuery): PlacedPassage[] {
  return placed.filter(({ passage }) => {
    if (query.sourceId !== undefined && passage.sourceId !== query.sourceId) return false;
    const counts = tree.expand(passage.annotation.codes);
    return query.all.every((c) => counts.has(c)) && (query.any.length === 0 || query.any.some((c) => counts.has(c))) && !query.none.some((c) => counts.has(c));
  });
}

/** Source by source (by title), then in reading order; passages not found in the text come after by their old place. */
export function byReadingOrder(a: PlacedPassage, b: PlacedPassage): number {
  return (
    a.passage.sourceTitle.localeCompare(b.passage.sourceTitle) ||
    a.passage.sourceId.localeCompare(b.passage.sourceId) ||
    Number(a.span === null) - Number(b.span === null) ||
    positionOf(a) - positionOf(b) ||
    a.passage.annotation.id.localeCompare(b.passage.annotation.id)
  );
}

function positionOf(placed: PlacedPassage): number {
  return placed.span?.start ?? placed.passage.annotation.position.start;
}
