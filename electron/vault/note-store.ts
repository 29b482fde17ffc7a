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
import type { NoteDetail, NoteSummary } from './vault-records.ts';

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

  async create(title: string, body = '', tags: string[] = []): Promise<NoteDetail> {
    const { root, index } = this.core;
    return this.core.write(async () => {
      const id = randomUUID();
      // Slugs also avoid files that exist but could not be read (reported problems): those are never overwritten.
      const slug = uniqueSlug(slugify(title), (s) => findBySlug(index.notes, s) !== undefined || existsSync(path.join(root, `notes/${s}.md`)));
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
      // The version about to be replaced, as just checked, goes to the note's history first, byte for byte.
      if (previous !== null) await this.history.keep(id, previous);
      await this.core.writeTracked(relative, formatFrontMatter(mergeFrontMatter(record.frontMatter, meta), change.body));
      return this.get(id);
    });
  }
}

function noteSummary(record: NoteRecord): NoteSummary {
  return { ...record.meta, slug: record.slug, path: `notes/${record.slug}.md` };
}
