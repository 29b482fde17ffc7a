import { codeCooccurrence, cooccurringPassages } from '../annotations/code-cooccurrence.ts';
import { codeMatrix, codeTotals } from '../annotations/code-matrix.ts';
import { CodeTree } from '../annotations/code-tree.ts';
import { byReadingOrder, queryPassages, type PlacedPassage } from '../annotations/passage-query.ts';
import type { VaultCore } from './vault-core.ts';
import type { AnnotationList, CodeCooccurrence, CodeMatrix, CodeSummary, CodedPassage, PassageQuery } from './vault-records.ts';

/**
 * The vault's passages for analysis, each placed in its source's body as it stands today. The
 * places come from the annotation store's `list`, which keeps them per revision of body and file.
 */
export class CodedPassages {
  private readonly core: VaultCore;
  private readonly list: (sourceId: string) => AnnotationList;

  constructor(core: VaultCore, list: (sourceId: string) => AnnotationList) {
    this.core = core;
    this.list = list;
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

  /** Every annotation of every source still in the vault (or of one), placed where the annotation store found it. */
  private placed(sourceId?: string): PlacedPassage[] {
    const { index } = this.core;
    const ids = sourceId === undefined ? [...index.annotations.keys()] : [sourceId];
    const placed: PlacedPassage[] = [];
    for (const id of ids) {
      const source = index.sources.get(id);
      if (!source || !index.annotations.has(id)) continue;
      const { annotations, anchors } = this.list(id);
      annotations.forEach((annotation, i) => {
        const found = anchors[i] ?? { state: 'orphan' };
        const passage: CodedPassage = { sourceId: id, sourceTitle: source.meta.title, annotation, state: found.state };
        if (source.meta.published) passage.sourcePublished = source.meta.published;
        placed.push({ passage, span: found.state === 'orphan' ? null : { start: found.start, end: found.end } });
      });
    }
    return placed;
  }
}
