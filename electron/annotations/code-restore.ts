import { CarnetError } from '../core/carnet-error.ts';
import { annotationSchema } from '../vault/vault-schemas.ts';
import { assertNameFree } from './codebook-edits.ts';
import { annotationDoc, rawAnnotations, rawCodes, recoded, withAnnotations, withCodes, type AnnotationDoc, type CodebookDoc, type JsonObject } from './coded-docs.ts';
import type { AnnotationRecord, CodeRecord } from './code-records.ts';

/** Putting back what code-removal.ts and an annotation's delete took away, from their trash records. */

/** The codes go back to their places in the codebook, and onto those of their annotations that still exist. */
export function restoreCodesEdit(book: CodebookDoc, docs: readonly AnnotationDoc[], record: CodeRecord, title: string): { book: CodebookDoc; docs: AnnotationDoc[] } {
  const restored = record.codes.map((c) => ({ ...c, id: String(c.code.id) }));
  const ids = new Set(restored.map((c) => c.id));
  const present = new Set(book.codes.map((c) => c.id));
  const back = restored.find((c) => present.has(c.id));
  if (back) {
    throw new CarnetError('conflict', {
      en: `Cannot restore "${title}": the codebook holds a code with its id (${back.id}) again, perhaps created anew under the same name. Merge or delete that code first; nothing was changed.`,
      fr: `Impossible de restaurer « ${title} » : le livre de codes contient de nouveau un code de même identifiant (${back.id}), peut-être recréé sous le même nom. Fusionnez ou supprimez d’abord ce code ; rien n’a été modifié.`,
    });
  }
  const list = [...rawCodes(book)];
  for (const { code, index } of [...restored].sort((a, b) => a.index - b.index)) {
    // A parent deleted since cannot hold it: the code comes back at the top level rather than hang from nothing.
    const parent = typeof code.parent === 'string' ? code.parent : undefined;
    const entry: JsonObject = { ...code };
    if (parent !== undefined && !present.has(parent) && !ids.has(parent)) delete entry.parent;
    list.splice(Math.min(index, list.length), 0, entry);
  }
  let next = withCodes(book, list);
  if (record.merged) {
    const { into, children } = record.merged;
    const from = restored[0]?.id;
    next = withCodes(next, rawCodes(next).map((raw) => (from !== undefined && children.includes(raw.id as string) && raw.parent === into ? { ...raw, parent: from } : raw)));
  }
  for (const { id } of restored) {
    const code = next.codes.find((c) => c.id === id);
    if (code && !ids.has(code.parent ?? '')) assertNameFree(next.codes, code.name, code.parent, id);
  }
  const changed: AnnotationDoc[] = [];
  for (const doc of docs) {
    const uses = record.uses.filter((u) => u.sourceId === doc.sourceId);
    const codes = new Map<number, string[]>();
    for (const use of [...uses].sort((a, b) => a.at - b.at)) {
      const i = doc.annotations.findIndex((a) => a.id === use.annotationId);
      if (i === -1) continue;
      const list = codes.get(i) ?? [...(doc.annotations[i]?.codes ?? [])];
      if (!list.includes(use.codeId)) list.splice(Math.min(use.at, list.length), 0, use.codeId);
      codes.set(i, list);
    }
    const edited = recoded(doc, new Map([...codes].filter(([i, list]) => list.join('\n') !== doc.annotations[i]?.codes.join('\n'))));
    if (edited !== doc) changed.push(edited);
  }
  return { book: next, docs: changed };
}

/** The annotation goes back into its file (a new one when the file is gone), at its old place. */
export function restoreAnnotationEdit(doc: AnnotationDoc | null, path: string, record: AnnotationRecord): AnnotationDoc {
  const annotation = annotationSchema.safeParse(record.annotation);
  if (!annotation.success) {
    throw new CarnetError('unreadable', {
      en: 'This trash entry holds an annotation Carnet cannot read (its record was edited by hand). It was left in the trash.',
      fr: 'Cet élément de la corbeille contient une annotation illisible pour Carnet (son enregistrement a été modifié à la main). Il est resté dans la corbeille.',
    });
  }
  if (!doc) return annotationDoc(path, { source: record.sourceId, annotations: [record.annotation] });
  if (doc.annotations.some((a) => a.id === annotation.data.id)) {
    throw new CarnetError('conflict', {
      en: `Cannot restore this annotation: "${record.sourceTitle}" holds an annotation with the same id (${annotation.data.id}) again. Nothing was changed.`,
      fr: `Impossible de restaurer cette annotation : « ${record.sourceTitle} » contient de nouveau une annotation de même identifiant (${annotation.data.id}). Rien n’a été modifié.`,
    });
  }
  const list = [...rawAnnotations(doc)];
  list.splice(Math.min(record.index, list.length), 0, record.annotation);
  return withAnnotations(doc, list);
}
