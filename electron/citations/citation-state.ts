import { quoteMatches } from './quote-match.ts';
import type { FoundCitation } from './find-citations.ts';

/**
 * A citation's state, as the annotate issue defines an annotation's and DESIGN.md a citation's:
 * - **missing**: its source is not in the vault (deleted: in the trash), its annotation is not in
 *   the source's file, or the annotation no longer has a place in the text (orphan, detached);
 * - **changed**: the words the note quotes are not the passage's words today: the note's quote was
 *   edited, or the source's passage was (then the annotation is usually found only approximately);
 * - **needs review**: the words match, but the annotation was found only approximately;
 * - **verified**: the annotation is where it was, and the note quotes its words.
 */

export type CitationState = 'verified' | 'changed' | 'needs-review' | 'missing';
export type MissingWhat = 'source' | 'annotation' | 'passage';

export interface CitedPassage {
  /** The annotation's place in the body today, or 'orphan'. */
  anchor: { state: 'anchored' | 'needs-review'; start: number; end: number } | { state: 'orphan' };
  body: string;
}

export interface CitationVerdict {
  state: CitationState;
  missing?: MissingWhat;
  /** The passage's words in the source today, when it has a place. */
  passage: string | null;
}

/** `source` null: not in the vault; `passage` null: the source has no such annotation. */
export function citationState(citation: FoundCitation, source: { body: string } | null, passage: CitedPassage | null): CitationVerdict {
  if (!source) return { state: 'missing', missing: 'source', passage: null };
  if (citation.annotationId === null) return { state: 'verified', passage: null };
  if (!passage) return { state: 'missing', missing: 'annotation', passage: null };
  const { anchor, body } = passage;
  if (anchor.state === 'orphan') return { state: 'missing', missing: 'passage', passage: null };
  const words = body.slice(anchor.start, anchor.end);
  if (citation.quoted !== null && !quoteMatches(citation.quoted, words)) return { state: 'changed', passage: words };
  return { state: anchor.state === 'needs-review' ? 'needs-review' : 'verified', passage: words };
}
