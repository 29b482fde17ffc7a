import { codeCooccurrence, cooccurringPassages } from '../annotations/code-cooccurrence.ts';
import { codeMatrix, codeTotals } from '../annotations/code-matrix.ts';
import { CodeTree } from '../annotations/code-tree.ts';
import { byReadingOrder, queryPassages, type PlacedPassage } from '../annotations/passage-query.ts';
import { placeAnnotation } from './annotation-states.ts';
import type { VaultCore } from './vault-core.ts';
import type { CodeCooccurrence, CodeMatrix, CodeSummary, CodedPassage, PassageQuery } from './vault-records.ts';

/**
 * The vault's passages for analysis, each placed in its source's body as it stands today.
 * Anchoring a passage costs a search of its source, so the places are kept per source until its
 * body or its annotation file changes (their revisions say so).
 */
export class CodedPassages {
  private readonly core: VaultCore;
  private readonly cache = new Map<string, { key: string; placed: PlacedPassage[] }>();

  constructor(core: VaultCore) {
    this.core = core;
  }

  query(query: PassageQuery): CodedPassage[] {
    return queryPassages(this.placed(query.sourceId), this.tree(), query).sort(byReadingOrder).map((p) => p.passage);
  }

  matrix(): CodeMatrix {
    return codeMatrix(this.placed(), this.core.index.codebook.data.codes, this.tree());
  }

  cooccurrence(): CodeCooccurrence {
    return codeCooccurrence(this.placed());
  }

  cooccurring(a: string, b: string): CodedPassage[] {
    return cooccurringPassages(this.placed(), a, b).sort(byReadingOrder).map((p) => p.passage);
  }

  /** The codebook, each code counted with its sub-codes' passages (each passage once). Needs no anchoring. */
  summaries(): CodeSummary[] {
    const { index } = this.core;
    const lists = [...index.annotations].filter(([sourceId]) => index.sources.has(sourceId)).flatMap(([, record]) => record.data.annotations.map((a) => a.codes));
    const totals = codeTotals(lists, this.tree());
    return index.codebook.data.codes.map((code) => ({ ...code, annotationCount: totals.get(code.id) ?? 0 }));
  }

  private tree(): CodeTree {
    return new CodeTree(this.core.index.codebook.data.codes);
  }

  /** Every annotation of every source still in the vault (or of one), placed. */
  private placed(sourceId?: string): PlacedPassage[] {
    const { index } = this.core;
    const ids = sourceId === undefined ? [...index.annotations.keys()] : [sourceId];
    const placed: PlacedPassage[] = [];
    if (sourceId === undefined) for (const id of this.cache.keys()) if (!index.annotations.has(id)) this.cache.delete(id);
    for (const id of ids) {
      const source = index.sources.get(id);
      const record = index.annotations.get(id);
      if (!source || !record) {
        this.cache.delete(id);
        continue;
      }
      const key = `${source.revision}:${record.revision}`;
      let cached = this.cache.get(id);
      if (cached?.key !== key) {
        cached = {
          key,
          placed: record.data.annotations.map((annotation) => {
            const found = placeAnnotation(source.body, annotation);
            const passage: CodedPassage = { sourceId: id, sourceTitle: source.meta.title, annotation, state: found.state };
            if (source.meta.published) passage.sourcePublished = source.meta.published;
            return { passage, span: found.state === 'orphan' ? null : { start: found.start, end: found.end } };
          }),
        };
        this.cache.set(id, cached);
      }
      placed.push(...cached.placed);
    }
    return placed;
  }
}
