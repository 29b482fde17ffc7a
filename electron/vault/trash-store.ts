import type { TrashRecord } from '../annotations/code-records.ts';
import { restoreRecord } from './record-restore.ts';
import { originalFileOf } from './source-meta.ts';
import { addRecordToTrash, dropTrashEntry, readTrashRecord } from './trash-records.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import { addToTrash, listTrash, restoreFromTrash } from './vault-trash.ts';
import type { ItemKind, TrashEntry } from './vault-records.ts';

/**
 * Deleting moves a note or a source (with its original and annotations) to `.carnet/trash/`, restorable.
 * An annotation or a code has no file of its own: its entry holds a record of it (trash-records.ts).
 */
export class TrashStore {
  private readonly core: VaultCore;
  /** Kept for the vault's counts, so that info() needs no disk access. */
  count = 0;

  constructor(core: VaultCore) {
    this.core = core;
  }

  async refreshCount(): Promise<void> {
    this.count = (await listTrash(this.core.root)).length;
  }

  async delete(kind: ItemKind, id: string): Promise<TrashEntry> {
    const { index } = this.core;
    return this.core.write(async () => {
      let title: string;
      let files: string[];
      if (kind === 'note') {
        const note = index.notes.get(id);
        if (!note) throw notFound('note', id);
        title = note.meta.title;
        files = [`notes/${note.slug}.md`];
      } else {
        const source = index.sources.get(id);
        if (!source) throw notFound('source', id);
        title = source.meta.title;
        files = [`sources/${source.slug}.md`];
        // A hand-edited `original:` may name anything: only a file in sources/originals/ goes with the source.
        const original = originalFileOf(source.meta);
        if (original) files.push(original);
        const annotations = index.annotations.get(id);
        if (annotations) files.push(`annotations/${annotations.slug}.json`);
      }
      const entry = await addToTrash(this.core.root, kind, title, files, 'move');
      await this.core.reload(files);
      this.added();
      return entry;
    });
  }

  /** Keeps a copy of a note about to be replaced (the caller is inside a write already). */
  async keepCopy(title: string, relative: string): Promise<void> {
    await addToTrash(this.core.root, 'note', title, [relative], 'copy');
    this.added();
  }

  /** Keeps a record of an annotation or codes about to be removed from their files (the caller is inside a write already). */
  async keepRecord(kind: 'annotation' | 'code', title: string, record: TrashRecord): Promise<TrashEntry> {
    const entry = await addRecordToTrash(this.core.root, kind, title, record);
    this.added();
    return entry;
  }

  /** Drops a record kept for a removal that did not happen after all. */
  async forget(entryId: string): Promise<void> {
    await dropTrashEntry(this.core.root, entryId);
    this.count = Math.max(0, this.count - 1);
    this.core.emit([{ kind: 'trash', id: '', change: 'updated' }]);
  }

  async list(): Promise<TrashEntry[]> {
    const entries = await listTrash(this.core.root);
    this.count = entries.length;
    return entries;
  }

  async restore(trashId: string): Promise<void> {
    await this.core.write(async () => {
      const held = await readTrashRecord(this.core.root, trashId);
      if (held) {
        // Written back into its files first: the entry goes only once nothing can fail any more.
        await restoreRecord(this.core, held.entry, held.record);
        await dropTrashEntry(this.core.root, trashId);
      } else {
        const files = await restoreFromTrash(this.core.root, trashId);
        await this.core.reload(files);
      }
      this.count = Math.max(0, this.count - 1);
      this.core.emit([{ kind: 'trash', id: '', change: 'updated' }]);
    });
  }

  private added(): void {
    this.count++;
    this.core.emit([{ kind: 'trash', id: '', change: 'updated' }]);
  }
}
