import { CodeTree } from './code-tree.ts';
import { recoded, rawCodes, withCodes, type AnnotationDoc, type CodebookDoc, type JsonObject } from './coded-docs.ts';
import type { CodeRecord, CodeUse } from './code-records.ts';
import { findCode } from './codebook-edits.ts';

/**
 * Deleting and merging codes: the codebook and every annotation that carried them change together,
 * and a record says exactly what was taken away, for the trash to put back (code-restore.ts).
 */

export interface CodeRemoval {
  book: CodebookDoc;
  /** Only the annotation files that changed. */
  docs: AnnotationDoc[];
  record: CodeRecord;
  /** Annotations that carried a removed code. */
  touched: number;
}

/** The code and its sub-codes leave the codebook and every annotation; annotations keep their other codes. */
export function deleteCodeEdit(book: CodebookDoc, docs: readonly AnnotationDoc[], id: string): CodeRemoval {
  findCode(book.codes, id);
  const gone = new CodeTree(book.codes).descendantsOrSelf(id);
  return remove(book, docs, gone, (codes) => codes.filter((c) => !gone.has(c)));
}

/**
 * Every annotation coded `from` gets `into` in its place (once), `from`'s sub-codes move under
 * `into`, and `from` leaves. Merged into its own sub-code, that sub-code first takes its place.
 */
export function mergeCodesEdit(book: CodebookDoc, docs: readonly AnnotationDoc[], from: string, into: string): CodeRemoval {
  const source = findCode(book.codes, from);
  findCode(book.codes, into);
  const tree = new CodeTree(book.codes);
  const intoInside = tree.descendantsOrSelf(from).has(into);
  const children = tree.childrenOf(from).filter((c) => c !== into);
  const moved = withCodes(
    book,
    rawCodes(book).map((raw): JsonObject => {
      if (raw.id === into && intoInside) return withParent(raw, source.parent);
      return children.includes(raw.id as string) ? withParent(raw, into) : raw;
    }),
  );
  const removal = remove(moved, docs, new Set([from]), (codes) => {
    const replaced = codes.map((c) => (c === from ? into : c));
    return replaced.filter((c, i) => replaced.indexOf(c) === i);
  });
  return { ...removal, record: { ...removal.record, merged: { into, children } } };
}

function remove(book: CodebookDoc, docs: readonly AnnotationDoc[], gone: ReadonlySet<string>, recode: (codes: string[]) => string[]): CodeRemoval {
  const codes: CodeRecord['codes'] = [];
  const kept: JsonObject[] = [];
  rawCodes(book).forEach((raw, index) => {
    if (gone.has(raw.id as string)) codes.push({ code: raw, index });
    else kept.push(raw);
  });
  const uses: CodeUse[] = [];
  const changed: AnnotationDoc[] = [];
  let touched = 0;
  for (const doc of docs) {
    const next = new Map<number, string[]>();
    doc.annotations.forEach((annotation, i) => {
      if (!annotation.codes.some((c) => gone.has(c))) return;
      touched++;
      annotation.codes.forEach((codeId, at) => {
        if (gone.has(codeId)) uses.push({ sourceId: doc.sourceId, annotationId: annotation.id, codeId, at });
      });
      next.set(i, recode(annotation.codes));
    });
    if (next.size > 0) changed.push(recoded(doc, next));
  }
  return { book: withCodes(book, kept), docs: changed, record: { type: 'code', codes, uses }, touched };
}

function withParent(raw: JsonObject, parent: string | undefined): JsonObject {
  const next = { ...raw };
  if (parent === undefined) delete next.parent;
  else next.parent = parent;
  return next;
}
