import type { CodeMatrix } from '../vault/vault-records.ts';
import type { Code } from '../vault/vault-schemas.ts';
import type { CodeTree } from './code-tree.ts';
import type { PlacedPassage } from './passage-query.ts';

/**
 * How many passages each code has, source by source. A passage counts for its codes and all their
 * ancestors, once per row: coded "Hanoi" and "Hue", it is one passage of "Places".
 */
export function codeMatrix(placed: readonly PlacedPassage[], codes: readonly Code[], tree: CodeTree): CodeMatrix {
  const sources = new Map<string, CodeMatrix['sources'][number]>();
  const counts = new Map<string, Record<string, number>>(codes.map((c) => [c.id, {}]));
  for (const { passage } of placed) {
    if (!sources.has(passage.sourceId)) {
      sources.set(passage.sourceId, { id: passage.sourceId, title: passage.sourceTitle, ...(passage.sourcePublished ? { published: passage.sourcePublished } : {}) });
    }
    for (const codeId of tree.expand(passage.annotation.codes)) {
      const row = counts.get(codeId);
      if (row) row[passage.sourceId] = (row[passage.sourceId] ?? 0) + 1;
    }
  }
  return {
    sources: [...sources.values()].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)),
    rows: codes.map((code) => {
      const row = counts.get(code.id) ?? {};
      return { codeId: code.id, counts: row, total: Object.values(row).reduce((sum, n) => sum + n, 0) };
    }),
  };
}

/** Each code's passages, its sub-codes' included, each passage once (the codebook's counts). */
export function codeTotals(codeLists: Iterable<readonly string[]>, tree: CodeTree): Map<string, number> {
  const totals = new Map<string, number>();
  for (const codes of codeLists) for (const id of tree.expand(codes)) totals.set(id, (totals.get(id) ?? 0) + 1);
  return totals;
}
