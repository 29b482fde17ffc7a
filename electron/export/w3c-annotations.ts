import type { ExportedPassage } from './passages.ts';

/**
 * Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), the format
 * Hypothesis and annotation servers read: each passage targets its source with the same two
 * selectors Carnet anchors by (TextQuoteSelector, TextPositionSelector); the comment is a
 * commenting body in Markdown, each code a tagging body. Gathered in one AnnotationCollection.
 */

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cOptions {
  /** The vault's id: annotations and sources get IRIs under `urn:carnet:<vault-id>:`. */
  vaultId: string;
  label: string;
  /** When the collection is made (ISO). */
  now: string;
}

export function w3cCollection(passages: ExportedPassage[], options: W3cOptions): Record<string, unknown> {
  const base = `urn:carnet:${options.vaultId}`;
  const items = passages.map((passage) => w3cAnnotation(passage, base));
  return {
    '@context': CONTEXT,
    id: `${base}:collection:${encodeURIComponent(options.now)}`,
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    created: options.now,
    ...(items.length > 0 ? { first: { id: `${base}:page:1`, type: 'AnnotationPage', startIndex: 0, items } } : {}),
  };
}

function w3cAnnotation({ source, annotation, codes }: ExportedPassage, base: string): Record<string, unknown> {
  const bodies: Record<string, unknown>[] = [];
  if (annotation.comment.trim()) bodies.push({ type: 'TextualBody', value: annotation.comment, format: 'text/markdown', purpose: 'commenting', ...(source.language ? { language: source.language } : {}) });
  for (const code of codes) bodies.push({ type: 'TextualBody', value: code, purpose: 'tagging' });
  const { exact, prefix, suffix } = annotation.quote;
  const { start, end } = annotation.position;
  return {
    '@context': CONTEXT,
    id: `${base}:annotation:${annotation.id}`,
    type: 'Annotation',
    motivation: bodies.length === 0 ? 'highlighting' : annotation.comment.trim() ? 'commenting' : 'tagging',
    created: annotation.created,
    modified: annotation.updated,
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: {
      type: 'SpecificResource',
      source: source.url && /^https?:\/\//.test(source.url) ? source.url : `${base}:source:${source.id}`,
      selector: [
        { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}
