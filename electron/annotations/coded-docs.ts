import { annotationFileSchema, codebookSchema, type Annotation, type Code } from '../vault/vault-schemas.ts';

/**
 * codebook.json and annotation files as edited: the JSON exactly as read (`raw`: unknown keys,
 * nested ones included, stay where they were, and no default is written in) beside its typed
 * reading, index for index. Edits build new raw objects and never change the ones they were given.
 */

export type JsonObject = Record<string, unknown>;

export interface CodebookDoc {
  raw: JsonObject;
  codes: Code[];
}

export interface AnnotationDoc {
  /** Vault-relative path of the file. */
  path: string;
  sourceId: string;
  raw: JsonObject;
  annotations: Annotation[];
}

/** Throws zod's error when `raw` is not a codebook: callers have checked it already. */
export function codebookDoc(raw: JsonObject): CodebookDoc {
  return { raw, codes: codebookSchema.parse(raw).codes };
}

export function annotationDoc(path: string, raw: JsonObject): AnnotationDoc {
  const parsed = annotationFileSchema.parse(raw);
  return { path, sourceId: parsed.source, raw, annotations: parsed.annotations };
}

export function rawCodes(doc: CodebookDoc): JsonObject[] {
  return doc.raw.codes as JsonObject[];
}

export function rawAnnotations(doc: AnnotationDoc): JsonObject[] {
  return doc.raw.annotations as JsonObject[];
}

/** The same codebook with another list of codes; the file's other keys keep their place. */
export function withCodes(doc: CodebookDoc, codes: JsonObject[]): CodebookDoc {
  return codebookDoc({ ...doc.raw, codes });
}

export function withAnnotations(doc: AnnotationDoc, annotations: JsonObject[]): AnnotationDoc {
  return annotationDoc(doc.path, { ...doc.raw, annotations });
}

/** New code lists for some annotations (by index); the others are kept as they were read. */
export function recoded(doc: AnnotationDoc, codes: ReadonlyMap<number, string[]>): AnnotationDoc {
  if (codes.size === 0) return doc;
  return withAnnotations(
    doc,
    rawAnnotations(doc).map((raw, i) => {
      const next = codes.get(i);
      return next === undefined ? raw : { ...raw, codes: next };
    }),
  );
}

/** How Carnet writes its JSON files: two-space indent, final newline, as annotation-store.ts does. */
export function serialize(raw: JsonObject): string {
  return `${JSON.stringify(raw, null, 2)}\n`;
}
