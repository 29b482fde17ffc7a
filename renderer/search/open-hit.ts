import type { Place } from '../app/navigation.ts';
import type { SearchHit } from '../../electron/api.ts';

/** Where a search result opens: a source or note with its matches highlighted; an annotation at its passage. */
export function placeOfHit(hit: SearchHit): Place {
  if (hit.kind === 'note') return { kind: 'note', id: hit.id, find: hit.terms };
  if (hit.kind === 'annotation' && hit.sourceId) return { kind: 'source', id: hit.sourceId, annotationId: hit.id, find: hit.terms };
  return { kind: 'source', id: hit.id, find: hit.terms };
}
