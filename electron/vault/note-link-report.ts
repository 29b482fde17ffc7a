import { LinkResolver, aliasesOf } from './link-targets.ts';
import { analyse, excerpt, fileLine, resolverFor } from './note-analysis.ts';
import { findMentions } from './note-mentions.ts';
import type { NoteRecord, SourceRecord } from './vault-index.ts';
import type { LinkPlace, NoteLinks, OutgoingLink } from './vault-records.ts';

/** What links to a note, what names it without a link, and where its own links lead. */
export function noteLinks(notes: Map<string, NoteRecord>, id: string, note: NoteRecord): NoteLinks {
  const resolver = resolverFor(notes);
  const outgoing: OutgoingLink[] = [];
  for (const link of analyse(note).links) {
    const hit = resolver.resolve(link);
    const target = hit ? notes.get(hit.id) : undefined;
    outgoing.push({ target: link.target, line: fileLine(note, link.start), resolved: target ? { kind: 'note', id: target.meta.id, title: target.meta.title } : null });
  }
  const names = [note.meta.title, ...(aliasesOf(note.frontMatter) ?? [])];
  const backlinks: LinkPlace[] = [];
  const mentions: LinkPlace[] = [];
  for (const other of notes.values()) {
    if (other.meta.id === id) continue;
    const links = analyse(other).links.filter((link) => resolver.resolve(link)?.id === id);
    if (links.length > 0) backlinks.push(...places(other, links.map((link) => link.start)));
    else mentions.push(...places(other, findMentions(other, names).map((m) => m.start)));
  }
  return { backlinks: sorted(backlinks), mentions: sorted(mentions), outgoing };
}

/** One place per line of the note. */
function places(record: NoteRecord, offsets: number[]): LinkPlace[] {
  const seen = new Map<number, LinkPlace>();
  for (const offset of offsets) {
    const line = fileLine(record, offset);
    if (!seen.has(line)) seen.set(line, { noteId: record.meta.id, title: record.meta.title, line, excerpt: excerpt(record, offset) });
  }
  return [...seen.values()];
}

function sorted(list: LinkPlace[]): LinkPlace[] {
  return list.sort((a, b) => a.title.localeCompare(b.title) || a.noteId.localeCompare(b.noteId) || a.line - b.line);
}

/** File types a wiki link names as attachments (Obsidian's `![[map.png]]`), never as notes. */
const ATTACHMENT = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic|pdf|mp3|m4a|wav|ogg|mp4|webm|mov|csv|json|txt|html?|docx?|xlsx?|pptx?|odt|ods|zip|canvas)$/i;

export interface BrokenLink {
  path: string;
  line: number;
  target: string;
}

/**
 * Links that lead to no note. A wiki link naming a source is not broken, nor is one naming a file
 * with another extension (`![[map.png]]`, an attachment): only a missing note is reported.
 */
export function brokenLinks(notes: Map<string, NoteRecord>, sources: Map<string, SourceRecord>): BrokenLink[] {
  const resolver = resolverFor(notes);
  const sourceResolver = new LinkResolver([...sources.values()].map((s) => ({ id: s.meta.id, title: s.meta.title, slug: s.slug, aliases: [] })));
  const broken: BrokenLink[] = [];
  for (const note of notes.values()) {
    for (const link of analyse(note).links) {
      if (resolver.resolve(link)) continue;
      if (link.kind !== 'markdown' && (sourceResolver.resolve(link) || ATTACHMENT.test(link.target))) continue;
      broken.push({ path: `notes/${note.slug}.md`, line: fileLine(note, link.start), target: link.target });
    }
  }
  return broken.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}
