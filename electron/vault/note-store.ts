import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { formatFrontMatter, mergeFrontMatter } from './front-matter.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import { readVaultFile } from './vault-files.ts';
import { findBySlug, type NoteRecord } from './vault-index.ts';
import type { TrashStore } from './trash-store.ts';
import { NoteHistory } from './note-history.ts';
import { aliasesOf } from './link-targets.ts';
import { linkedMentionBody } from './link-mention.ts';
import { saveRetitled } from './note-rename.ts';
import { brokenLinks, noteLinks, type BrokenLink } from './note-link-report.ts';
import type { NoteDetail, NoteLinks, NoteSummary } from './vault-records.ts';

/** `notes/<slug>.md`: Markdown with front matter, written only over the version the user read. */
export class NoteStore {
  private readonly core: VaultCore;
  private readonly trash: TrashStore;
  readonly history: NoteHistory;

  constructor(core: VaultCore, trash: TrashStore) {
    this.core = core;
    this.trash = trash;
    this.history = new NoteHistory(core);
  }

  list(): NoteSummary[] {
    return [...this.core.index.notes.values()].map((record) => noteSummary(record));
  }

  get(id: string): NoteDetail {
    const record = this.core.index.notes.get(id);
    if (!record) throw notFound('note', id);
    return { ...noteSummary(record), body: record.body, revision: record.revision };
  }

  /** Backlinks, unlinked mentions and outgoing links of a note. */
  links(id: string): NoteLinks {
    const record = this.core.index.notes.get(id);
    if (!record) throw notFound('note', id);
    return noteLinks(this.core.index.notes, id, record);
  }

  /** Links that lead to no note, for `carnet check`. */
  brokenLinks(): BrokenLink[] {
    return brokenLinks(this.core.index.notes, this.core.index.sources);
  }

  async create(title: string, body = '', tags: string[] = []): Promise<NoteDetail> {
    return this.core.write(async () => {
      const id = randomUUID();
      const slug = this.freeSlug(title);
      const now = new Date().toISOString();
      await this.core.writeTracked(`notes/${slug}.md`, formatFrontMatter({ id, title, tags, created: now, updated: now }, body));
      return this.get(id);
    });
  }

  /**
   * Saves a note that the caller read at `baseRevision`. If the file changed since (a hand edit,
   * a sync tool, another window), nothing is written and the caller is told, so no edit is lost silently.
   * With `replaceNewer`, the user has chosen their version: the other one is kept in the trash first.
   */
  async save(id: string, change: { title: string; body: string; tags: string[] }, baseRevision: string, replaceNewer = false): Promise<NoteDetail> {
    return this.core.write(async () => {
      const record = this.core.index.notes.get(id);
      if (!record) throw notFound('note', id);
      const relative = `notes/${record.slug}.md`;
      // What the file holds already needs no write: its bytes and its `updated` stay as they are.
      const same = change.title === record.meta.title && change.body === record.body && change.tags.length === record.meta.tags.length && change.tags.every((tag, i) => tag === record.meta.tags[i]);
      if (same) {
        const onDisk = await readVaultFile(this.core.root, relative);
        if (onDisk.ok && onDisk.revision === record.revision) return this.get(id);
      }
      const what = { en: `the note "${record.meta.title}"`, fr: `la note « ${record.meta.title} »` };
      let previous: string | null;
      if (replaceNewer && record.revision !== baseRevision) {
        previous = await this.core.assertUnchanged(relative, record.revision, what);
        await this.trash.keepCopy(`${record.meta.title} (the version replaced on ${new Date().toISOString().slice(0, 16).replace('T', ' ')})`, relative);
      } else {
        previous = await this.core.assertUnchanged(relative, baseRevision, what);
      }
      const meta = { id, title: change.title, tags: change.tags, created: record.meta.created, updated: new Date().toISOString() };
      const text = formatFrontMatter(mergeFrontMatter(record.frontMatter, meta), change.body);
      // The version about to be replaced, as just checked, goes to the note's history first, byte for byte.
      const kept = previous !== null ? await this.history.keep(id, previous) : null;
      // A new title moves the file and the links to it; the id, and so the history, stay.
      if (previous !== null && change.title !== record.meta.title) {
        await saveRetitled(this.core, this.history, { record, text, previous, title: change.title, slug: this.freeSlug(change.title, record.slug) });
      } else {
        await this.core.writeTracked(relative, text).catch(async (error: unknown) => {
          // The write is atomic: on failure (a full disk) the note holds the kept bytes still, and the copy would be a duplicate left behind.
          if (kept !== null) await this.history.discard(id, kept);
          throw error;
        });
      }
      return this.get(id);
    });
  }

  /** Turns the first unlinked mention of another note on a line (of the file) into a link to it, through the checked save. */
  async linkMention(noteId: string, targetId: string, line: number, baseRevision: string): Promise<NoteDetail> {
    const record = this.core.index.notes.get(noteId);
    if (!record) throw notFound('note', noteId);
    const target = this.core.index.notes.get(targetId);
    if (!target) throw notFound('note', targetId);
    const body = linkedMentionBody(record, target, line, baseRevision);
    return this.save(noteId, { title: record.meta.title, body, tags: record.meta.tags }, baseRevision);
  }

  /**
   * The title's slug, or the first free variant. Free means no note has it and no file is there,
   * even one that could not be read (a reported problem): those are never overwritten. `own` is the
   * note's current slug, which it may keep.
   */
  private freeSlug(title: string, own?: string): string {
    const { root, index } = this.core;
    return uniqueSlug(slugify(title), (s) => s !== own && (findBySlug(index.notes, s) !== undefined || existsSync(path.join(root, `notes/${s}.md`))));
  }
}

function noteSummary(record: NoteRecord): NoteSummary {
  const aliases = aliasesOf(record.frontMatter);
  return { ...record.meta, slug: record.slug, path: `notes/${record.slug}.md`, ...(aliases ? { aliases } : {}) };
}
