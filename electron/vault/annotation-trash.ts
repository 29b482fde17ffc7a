import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { rawAnnotations, withAnnotations } from '../annotations/coded-docs.ts';
import { shortQuote } from './annotation-states.ts';
import { commit, readAnnotationFiles } from './coded-files.ts';
import type { TrashStore } from './trash-store.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import type { TrashEntry } from './vault-records.ts';

/**
 * Deleting one annotation: it leaves its file and goes to the trash as a record, verbatim, to be
 * put back at its place (record-restore.ts). The record is kept before the file is rewritten: a
 * crash between the two leaves the annotation in both places, never in neither.
 */
export async function deleteAnnotation(core: VaultCore, trash: TrashStore, sourceId: string, id: string): Promise<TrashEntry> {
  return core.write(async () => {
    const source = core.index.sources.get(sourceId);
    if (!source) throw notFound('source', sourceId);
    const refused: Bilingual = { en: 'Did not delete the annotation', fr: 'Carnet n’a pas supprimé l’annotation' };
    const read = (await readAnnotationFiles(core, refused, sourceId)).get(sourceId);
    const index = read?.doc.annotations.findIndex((a) => a.id === id) ?? -1;
    const annotation = read?.doc.annotations[index];
    const raw = read ? rawAnnotations(read.doc)[index] : undefined;
    if (!read || !annotation || !raw) {
      throw new CarnetError('not-found', {
        en: `"${source.meta.title}" has no annotation "${id}": it may have been deleted meanwhile.`,
        fr: `« ${source.meta.title} » n’a pas d’annotation « ${id} » : elle a peut-être été supprimée entre-temps.`,
      });
    }
    const entry = await trash.keepRecord('annotation', `${shortQuote(annotation.quote.exact)} — ${shortQuote(source.meta.title, 50)}`, { type: 'annotation', sourceId, sourceTitle: source.meta.title, index, annotation: raw });
    try {
      const rest = rawAnnotations(read.doc).filter((_, i) => i !== index);
      await commit(core, refused, [{ read, path: read.doc.path, raw: withAnnotations(read.doc, rest).raw }]);
    } catch (error) {
      await trash.forget(entry.id);
      throw error;
    }
    return entry;
  });
}
