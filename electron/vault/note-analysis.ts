import { LinkResolver, aliasesOf, type LinkableNote } from './link-targets.ts';
import { lineAt, lineStartsOf, scanBody, type NoteLink } from './note-links.ts';
import { fold } from './text-fold.ts';
import type { NoteRecord } from './vault-index.ts';

/**
 * A note's links and folded text, worked out once per version of the note: the index replaces a
 * record when its file changes, so a cache keyed by the record object is never stale, and lets go
 * of old versions by itself. Parsing every note again for each question would not scale.
 */

export interface Analysis {
  links: NoteLink[];
  /** Code and links, where no mention is looked for. */
  skip: [number, number][];
  lineStarts: number[];
}

const analyses = new WeakMap<NoteRecord, Analysis>();
const foldedBodies = new WeakMap<NoteRecord, string>();

export function analyse(record: NoteRecord): Analysis {
  let analysis = analyses.get(record);
  if (!analysis) {
    analysis = { ...scanBody(record.body), lineStarts: lineStartsOf(record.body) };
    analyses.set(record, analysis);
  }
  return analysis;
}

/** The folded body, kept apart from the analysis because only mentions need it. */
export function foldedBody(record: NoteRecord): string {
  let folded = foldedBodies.get(record);
  if (folded === undefined) {
    folded = fold(record.body);
    foldedBodies.set(record, folded);
  }
  return folded;
}

export function linkableNote(record: NoteRecord): LinkableNote {
  return { id: record.meta.id, title: record.meta.title, slug: record.slug, aliases: aliasesOf(record.frontMatter) ?? [] };
}

export function resolverFor(notes: Map<string, NoteRecord>): LinkResolver {
  return new LinkResolver([...notes.values()].map(linkableNote));
}

/** The 1-based line in the file (front matter counted) of a body offset. */
export function fileLine(record: NoteRecord, offset: number): number {
  return record.bodyLine + lineAt(analyse(record).lineStarts, offset) - 1;
}

/** The text of the body's line holding `offset`, and that offset's column in it. */
export function lineOf(record: NoteRecord, offset: number): { text: string; column: number } {
  const starts = analyse(record).lineStarts;
  const start = starts[lineAt(starts, offset) - 1] ?? 0;
  const next = record.body.indexOf('\n', start);
  const text = record.body.slice(start, next < 0 ? undefined : next).replace(/\r$/, '');
  return { text, column: offset - start };
}

/** The line, trimmed to about 160 characters around the link or mention, for a list of places. */
export function excerpt(record: NoteRecord, offset: number): string {
  const { text, column } = lineOf(record, offset);
  const line = text.trim();
  if (line.length <= 160) return line;
  const lead = text.length - text.trimStart().length;
  const from = Math.max(0, Math.min(column - lead - 60, line.length - 160));
  return `${from > 0 ? '…' : ''}${line.slice(from, from + 160).trim()}${from + 160 < line.length ? '…' : ''}`;
}
