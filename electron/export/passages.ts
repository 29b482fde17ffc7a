import { CodeTree } from '../annotations/code-tree.ts';
import type { Vault } from '../vault/vault.ts';
import type { AnnotationAnchor, SourceDetail } from '../vault/vault-records.ts';
import type { Annotation } from '../vault/vault-schemas.ts';

/**
 * The annotated passages an export writes out: each annotation with its source and its state in the
 * source's text today, its codes by name (a code's path, "Parent › Child", so that sub-codes read
 * as such in a spreadsheet). Read from the vault as it is; nothing is written.
 */

export interface ExportedPassage {
  source: Pick<SourceDetail, 'id' | 'title' | 'url' | 'publisher' | 'published' | 'authors' | 'language'>;
  annotation: Annotation;
  anchor: AnnotationAnchor;
  /** The codes' names with their parents, in the annotation's order. */
  codes: string[];
}

/** A code's name with its parents', "Regional cooperation › Ministerial meetings"; its id when the codebook lacks it. */
export function codePaths(vault: Vault): (id: string) => string {
  const codes = vault.codebook().codes;
  const names = new Map(codes.map((code) => [code.id, code.name]));
  const tree = new CodeTree(codes);
  return (id) => (names.has(id) ? [...tree.ancestorsOrSelf(id)].reverse().map((at) => names.get(at)).join(' › ') : id);
}

export function exportedPassages(vault: Vault, sourceIds?: string[]): ExportedPassage[] {
  const pathOf = codePaths(vault);
  const wanted = sourceIds ? new Set(sourceIds) : null;
  const passages: ExportedPassage[] = [];
  for (const summary of vault.listSources()) {
    if (wanted && !wanted.has(summary.id)) continue;
    const { annotations, anchors } = vault.listAnnotations(summary.id);
    const source = { id: summary.id, title: summary.title, url: summary.url, publisher: summary.publisher, published: summary.published, authors: summary.authors, language: summary.language };
    annotations.forEach((annotation, i) => passages.push({ source, annotation, anchor: anchors[i] ?? { state: 'orphan' }, codes: annotation.codes.map(pathOf) }));
  }
  return passages;
}
