import { wikiSafe, type LinkResolver } from './link-targets.ts';
import { analyse } from './note-analysis.ts';
import { foldName } from './text-fold.ts';
import type { NoteRecord } from './vault-index.ts';

/**
 * The links of one note pointed at a note's new title and file, changing only the bytes of those
 * links: `[[Old]]` → `[[New]]` (its `#heading` and `|shown text` kept), `[t](old.md#x)` → `[t](new.md#x)`.
 * A link that still leads to the note (by an alias, or by a title that only changed case or accents) is left alone.
 */

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Retitled {
  id: string;
  from: { title: string; slug: string };
  to: { title: string; slug: string };
}

export function retitleEdits(record: NoteRecord, resolver: LinkResolver, change: Retitled): Edit[] {
  const titleMoved = foldName(change.from.title) !== foldName(change.to.title);
  const fileMoved = change.from.slug !== change.to.slug;
  const edits: Edit[] = [];
  for (const link of analyse(record).links) {
    const hit = resolver.resolve(link);
    if (hit?.id !== change.id || hit.via === 'alias') continue;
    const at = { start: link.targetStart, end: link.targetEnd };
    if (link.kind === 'markdown') {
      // A file link follows the file; one that named the title as a file name (`Old%20title.md`) gets the real file name.
      if ((hit.via === 'file' && fileMoved) || (hit.via === 'title' && titleMoved)) edits.push({ ...at, text: change.to.slug });
    } else if (hit.via === 'title' && titleMoved) {
      edits.push({ ...at, text: wikiName(change.to.title, change.to.slug) });
    } else if (hit.via === 'file' && fileMoved) {
      // `[[old-slug]]` or `[[notes/old-slug.md]]` stays a file name: only the slug in it changes.
      const written = record.body.slice(at.start, at.end);
      const slugAt = written.toLowerCase().lastIndexOf(change.from.slug);
      if (slugAt >= 0) edits.push({ start: at.start + slugAt, end: at.start + slugAt + change.from.slug.length, text: change.to.slug });
    }
  }
  return edits;
}

/** How a wiki link names a note: its title, or its file name when the title holds `[`, `]`, `|` or `#`. */
export function wikiName(title: string, slug: string): string {
  return wikiSafe(title) ? title : slug;
}

/** Applies edits that do not overlap, in any order. */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
