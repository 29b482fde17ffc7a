import { foldName } from './text-fold.ts';
import type { NoteLink } from './note-links.ts';

/**
 * Which note a link names. By title or `aliases:` (Obsidian's front-matter key), case and accents
 * aside, or by file name (the slug). A wiki link names a title first; a Markdown link names a file
 * first. When two notes share a title, the one whose file sorts first wins, the same every time.
 */

export interface LinkableNote {
  id: string;
  title: string;
  slug: string;
  aliases: string[];
}

export interface Resolution {
  id: string;
  /** How the link named it: a rename rewrites links by title or file, not those by an alias (which still holds). */
  via: 'title' | 'alias' | 'file';
}

/** The `aliases:` of a note's front matter: a list, or one string; anything else is no alias. */
export function aliasesOf(frontMatter: Record<string, unknown>): string[] | undefined {
  const raw = frontMatter.aliases;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((a): a is string | number => typeof a === 'string' || typeof a === 'number').map((a) => String(a).trim()).filter((a) => a !== '');
}

export class LinkResolver {
  private readonly titles = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private readonly files = new Map<string, string>();

  constructor(notes: Iterable<LinkableNote>) {
    const sorted = [...notes].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    for (const note of sorted) {
      setFirst(this.titles, foldName(note.title), note.id);
      for (const alias of note.aliases) setFirst(this.aliases, foldName(alias), note.id);
      setFirst(this.files, note.slug.toLowerCase(), note.id);
    }
  }

  resolve(link: Pick<NoteLink, 'kind' | 'target'>): Resolution | null {
    const target = link.target.trim();
    // A wiki link may name a file too: `[[ha-noi]]`, `[[notes/ha-noi.md]]`.
    const file = target.replace(/\.md$/i, '').replace(/^(?:\.{0,2}\/)?notes\//i, '').toLowerCase();
    const byFile = this.files.get(file);
    if (link.kind === 'markdown' && byFile) return { id: byFile, via: 'file' };
    const folded = foldName(target);
    const byTitle = this.titles.get(folded);
    if (byTitle) return { id: byTitle, via: 'title' };
    const byAlias = this.aliases.get(folded);
    if (byAlias) return { id: byAlias, via: 'alias' };
    if (byFile) return { id: byFile, via: 'file' };
    // `[[Hà Nội.md]]` or `[Hà Nội](H%C3%A0%20N%E1%BB%99i.md)`: a file named after the title, as Obsidian names them.
    const named = foldName(target.replace(/\.md$/i, ''));
    const byName = this.titles.get(named) ?? this.aliases.get(named);
    return byName ? { id: byName, via: this.titles.has(named) ? 'title' : 'alias' } : null;
  }
}

function setFirst(map: Map<string, string>, key: string, id: string): void {
  if (key !== '' && !map.has(key)) map.set(key, id);
}

/** Whether a wiki link can name this title as it is: `[`, `]`, `|`, `#` and line breaks would end or split it. */
export function wikiSafe(title: string): boolean {
  return !/[[\]|#\r\n]/.test(title) && title.trim() === title && title !== '';
}
