import { anchor, type Selectors } from '../annotations/anchoring.ts';
import type { Vault } from './vault.ts';
import type { Annotation } from './vault-schemas.ts';
import type { AnnotationAnchor } from './vault-records.ts';

/**
 * Where each annotation of the vault stands against its source's current body: still anchored,
 * found again only approximately or elsewhere (needs review), or lost (orphan). Read-only: nothing
 * is re-anchored on disk, the reader decides.
 */

export type AnnotationState = AnnotationAnchor['state'];

export interface AnnotationStateEntry {
  sourceId: string;
  sourceTitle: string;
  /** The source's Markdown file, relative to the vault. */
  sourcePath: string;
  /** The annotations file, relative to the vault. */
  annotationPath: string;
  annotation: Annotation;
  result: AnnotationAnchor;
}

/** The stored W3C selectors as `anchor` takes them. */
export function selectorsOf(annotation: Annotation): Selectors {
  const { exact, prefix, suffix } = annotation.quote;
  const { start, end } = annotation.position;
  return { quote: { exact, prefix, suffix }, position: { start, end } };
}

/** Where an annotation is in the body today; one the user detached is placed nowhere. */
export function placeAnnotation(body: string, annotation: Annotation): AnnotationAnchor {
  if (annotation.detached) return { state: 'orphan' };
  const found = anchor(body, selectorsOf(annotation));
  return found.state === 'needs-review' ? { state: 'needs-review', start: found.start, end: found.end, found: found.found } : found;
}

/** Every annotation of every source, in source then file order. */
export function annotationStates(vault: Vault): AnnotationStateEntry[] {
  const entries: AnnotationStateEntry[] = [];
  for (const source of vault.listSources()) {
    const { annotations, anchors } = vault.listAnnotations(source.id);
    if (annotations.length === 0) continue;
    const annotationPath = vault.annotationFilePath(source.id);
    annotations.forEach((annotation, i) => {
      entries.push({ sourceId: source.id, sourceTitle: source.title, sourcePath: source.path, annotationPath, annotation, result: anchors[i] ?? { state: 'orphan' } });
    });
  }
  return entries;
}

/** A quote short enough for one line of a report. */
export function shortQuote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
