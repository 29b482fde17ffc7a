import { analyse, foldedBody } from './note-analysis.ts';
import { overlaps } from './note-links.ts';
import { foldMapped, foldName, isWholeWord } from './text-fold.ts';
import type { NoteRecord } from './vault-index.ts';

/**
 * Unlinked mentions: a note's title (or an alias) written as whole words in another note's body,
 * case and accents aside, outside code and outside any link, so that it can be offered as a link.
 */

export interface Mention {
  /** Body offsets of the words as written. */
  start: number;
  end: number;
}

/** One letter would match everywhere: such names are never looked for. */
const SHORTEST = 2;

/** The mentions of any of `names` in the body of `record`, in order, none overlapping (the longest wins at a place). */
export function findMentions(record: NoteRecord, names: string[]): Mention[] {
  const wanted = [...new Set(names.map(foldName))].filter((name) => name.length >= SHORTEST);
  if (wanted.length === 0) return [];
  const folded = foldedBody(record);
  const hits: [number, number][] = [];
  for (const name of wanted) {
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      if (isWholeWord(folded, at, at + name.length)) hits.push([at, at + name.length]);
    }
  }
  if (hits.length === 0) return [];
  // The map back to the body's own characters is built only for a body that mentions the note.
  const { origin } = foldMapped(record.body);
  const { skip } = analyse(record);
  const mentions = hits
    .map(([a, b]) => ({ start: origin[a]!, end: origin[b]! }))
    .filter((m) => !overlaps(skip, m.start, m.end))
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Mention[] = [];
  for (const mention of mentions) if (!kept.some((k) => overlaps([[k.start, k.end]], mention.start, mention.end))) kept.push(mention);
  return kept;
}
