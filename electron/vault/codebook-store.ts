import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { createCodeEdit, updateCodeEdit, type CodeChange, type NewCode } from '../annotations/codebook-edits.ts';
import { deleteCodeEdit, mergeCodesEdit, type CodeRemoval } from '../annotations/code-removal.ts';
import { commit, readAnnotationFiles, readCodebook, type Read } from './coded-files.ts';
import type { AnnotationDoc, CodebookDoc } from '../annotations/coded-docs.ts';
import type { CodedPassages } from './coded-passages.ts';
import type { TrashStore } from './trash-store.ts';
import type { VaultCore } from './vault-core.ts';
import type { CodeSummary, TrashEntry } from './vault-records.ts';

/**
 * Editing the codebook: creating, renaming, recolouring and moving codes (codebook.json alone),
 * merging and deleting them (codebook.json and every annotation file that used them, as one write,
 * with a trash record to undo it). Each change reads the files afresh inside the write queue.
 */
export class CodebookStore {
  private readonly core: VaultCore;
  private readonly trash: TrashStore;
  private readonly passages: CodedPassages;

  constructor(core: VaultCore, trash: TrashStore, passages: CodedPassages) {
    this.core = core;
    this.trash = trash;
    this.passages = passages;
  }

  list(): CodeSummary[] {
    return this.passages.summaries();
  }

  create(input: NewCode): Promise<CodeSummary> {
    const refused = { en: 'Did not create the code', fr: 'Carnet n’a pas créé le code' };
    return this.core.write(async () => {
      const book = await readCodebook(this.core, refused);
      // Ids already on passages count as taken: a code given one would suddenly code those passages.
      const taken = new Set([...this.core.index.annotations.values()].flatMap((r) => r.data.annotations.flatMap((a) => a.codes)));
      const { book: next, code } = createCodeEdit(book.doc, input, taken);
      await commit(this.core, refused, [{ read: book, path: 'codebook.json', raw: next.raw }]);
      return this.summary(code.id);
    });
  }

  update(id: string, change: CodeChange): Promise<CodeSummary> {
    const refused = { en: 'Did not change the code', fr: 'Carnet n’a pas modifié le code' };
    return this.core.write(async () => {
      const book = await readCodebook(this.core, refused);
      const { book: next } = updateCodeEdit(book.doc, id, change);
      await commit(this.core, refused, [{ read: book, path: 'codebook.json', raw: next.raw }]);
      return this.summary(id);
    });
  }

  /** Returns how many annotations were coded `from`. */
  merge(from: string, into: string): Promise<{ moved: number }> {
    const refused = { en: 'Did not merge the codes', fr: 'Carnet n’a pas fusionné les codes' };
    return this.core.write(async () => {
      const removal = await this.removeWith(refused, from, (book, docs) => mergeCodesEdit(book, docs, from, into));
      return { moved: removal.touched };
    });
  }

  delete(id: string): Promise<TrashEntry> {
    const refused = { en: 'Did not delete the code', fr: 'Carnet n’a pas supprimé le code' };
    return this.core.write(async () => (await this.removeWith(refused, id, (book, docs) => deleteCodeEdit(book, docs, id))).entry);
  }

  /** The record goes to the trash first, then the files change as one; if they cannot, the record goes again. */
  private async removeWith(refused: Bilingual, id: string, edit: (book: CodebookDoc, docs: AnnotationDoc[]) => CodeRemoval): Promise<CodeRemoval & { entry: TrashEntry }> {
    const book = await readCodebook(this.core, refused);
    const files = await readAnnotationFiles(this.core, refused);
    const removal = edit(book.doc, [...files.values()].map((f) => f.doc));
    const title = book.doc.codes.find((c) => c.id === id)?.name ?? id;
    const entry = await this.trash.keepRecord('code', title, removal.record);
    try {
      const read = (doc: AnnotationDoc): Read<unknown> => files.get(doc.sourceId) ?? { doc, text: null, revision: null };
      await commit(this.core, refused, [{ read: book, path: 'codebook.json', raw: removal.book.raw }, ...removal.docs.map((doc) => ({ read: read(doc), path: doc.path, raw: doc.raw }))]);
    } catch (error) {
      await this.trash.forget(entry.id);
      throw error;
    }
    return { ...removal, entry };
  }

  private summary(id: string): CodeSummary {
    const found = this.list().find((c) => c.id === id);
    if (!found) throw new CarnetError('io', { en: `Saved codebook.json, but the code ${id} does not read back.`, fr: `codebook.json a été enregistré, mais le code ${id} ne se relit pas.` });
    return found;
  }
}
