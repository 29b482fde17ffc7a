import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import type { TrashRecord } from '../annotations/code-records.ts';
import { restoreAnnotationEdit, restoreCodesEdit } from '../annotations/code-restore.ts';
import { commit, readAnnotationFiles, readCodebook } from './coded-files.ts';
import type { VaultCore } from './vault-core.ts';
import type { TrashEntry } from './vault-records.ts';

/**
 * Restoring a code or an annotation from the trash: its record is written back into the codebook
 * and annotation files, all or nothing. Whatever refuses (a source gone, an id taken again, a file
 * that cannot be read) leaves the files and the trash entry as they were.
 */
export async function restoreRecord(core: VaultCore, entry: TrashEntry, record: TrashRecord): Promise<void> {
  const refused: Bilingual = { en: `Did not restore "${entry.title}"`, fr: `Carnet n’a pas restauré « ${entry.title} »` };
  if (record.type === 'annotation') {
    const source = core.index.sources.get(record.sourceId);
    if (!source) {
      throw new CarnetError('not-found', {
        en: `Cannot restore this annotation: its source "${record.sourceTitle}" is no longer in the vault. Restore the source first; the annotation stays in the trash.`,
        fr: `Impossible de restaurer cette annotation : sa source « ${record.sourceTitle} » n’est plus dans le coffre. Restaurez d’abord la source ; l’annotation reste dans la corbeille.`,
      });
    }
    const read = (await readAnnotationFiles(core, refused, record.sourceId)).get(record.sourceId) ?? { doc: null, text: null, revision: null };
    const path = read.doc?.path ?? `annotations/${source.slug}.json`;
    const doc = restoreAnnotationEdit(read.doc, path, record);
    await commit(core, refused, [{ read, path, raw: doc.raw }]);
    return;
  }
  const book = await readCodebook(core, refused);
  const files = await readAnnotationFiles(core, refused);
  const restored = restoreCodesEdit(book.doc, [...files.values()].map((f) => f.doc), record, entry.title);
  await commit(core, refused, [
    { read: book, path: 'codebook.json', raw: restored.book.raw },
    ...restored.docs.map((doc) => ({ read: files.get(doc.sourceId) ?? { text: null, revision: null }, path: doc.path, raw: doc.raw })),
  ]);
}
