import { z } from 'zod';

/** What a vault's files hold, checked whenever one is read: a hand edit that breaks this is reported, not guessed at. */

export const VAULT_FORMAT_NAME = 'carnet-vault';
export const VAULT_FORMAT_VERSION = 1;

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id is 1–64 letters, digits, "-" or "_"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date like 2025-11-19');
const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time like 2025-11-19T10:00:00Z');
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #d97706');

export const vaultManifestSchema = z.object({
  format: z.literal(VAULT_FORMAT_NAME),
  version: z.number().int().positive(),
  id: idSchema,
  name: z.string().min(1).max(200),
  created: isoDateTime,
});
export type VaultManifest = z.infer<typeof vaultManifestSchema>;

/** The kinds of item a reference manager knows, by their CSL names; the details pane offers the common ones. */
export const SOURCE_TYPES = ['article-newspaper', 'article-magazine', 'article-journal', 'report', 'webpage', 'post-weblog', 'book', 'chapter', 'thesis', 'document', 'legislation', 'interview', 'speech', 'dataset'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * An author as the front matter may hold it: a plain name ("Nguyễn Thị Hương"), or a CSL-JSON name
 * that says which part is the family name. Read as one line of text, "Nguyễn, Thị Hương" (the
 * comma form BibTeX and RIS use), so the rest of Carnet handles names as text.
 */
const authorSchema = z.union([
  z.string().min(1),
  z.object({ family: z.string().min(1), given: z.string().optional() }).transform(({ family, given }) => (given ? `${family}, ${given}` : family)),
  z.object({ literal: z.string().min(1) }).transform(({ literal }) => literal),
]);

export const sourceMetaSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  /** The CSL item type; without it, exports guess from the original and the publisher. */
  type: z.enum(SOURCE_TYPES).optional(),
  url: z.string().optional(),
  /** The newspaper, site, journal or book the source is part of (CSL `container-title`). */
  container: z.string().optional(),
  publisher: z.string().optional(),
  /** Where the publisher is (CSL `publisher-place`). */
  place: z.string().optional(),
  authors: z.array(authorSchema).default([]),
  /** A day, or only a month or a year when that is all the source says (a report, a book). */
  // `published: 2019` written by hand, unquoted, is a number to YAML: read as the year it is.
  published: z
    .union([z.string(), z.number().int()])
    .transform(String)
    .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2}.*)?)?$/, 'a date like 2025-11-19, 2025-11 or 2025'))
    .optional(),
  /** When the page was read online (CSL `accessed`). */
  accessed: isoDate.optional(),
  pages: z.string().optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI like 10.1000/xyz123').optional(),
  /** An archive or a report number: where the item is kept, or how it is numbered. */
  archive: z.string().optional(),
  identifier: z.string().optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'an ISO language code like fr').optional(),
  imported: isoDateTime,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex').optional(),
  original: z.string().optional(),
  /** `uncertain`: the importer could not tell the article from the page's chrome and kept the whole capture. */
  extraction: z.literal('uncertain').optional(),
});
export type SourceMeta = z.infer<typeof sourceMetaSchema>;

export const noteMetaSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  tags: z.array(z.string()).default([]),
  created: isoDateTime,
  updated: isoDateTime,
});
export type NoteMeta = z.infer<typeof noteMetaSchema>;

/** W3C Web Annotation selectors: the quote re-anchors if positions ever drift. */
export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** Keys Carnet does not know (a newer version's, another tool's) are kept: `looseObject` passes them through to the next save. */
export const annotationSchema = z.looseObject({
  id: idSchema,
  created: isoDateTime,
  updated: isoDateTime,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  comment: z.string().default(''),
  codes: z.array(idSchema).default([]),
  /** The highlight colour, one of the vault's five (hand-written files may name any). */
  color: hexColor.optional(),
  /** The user let go of the passage: kept with its quote, never placed in the text again. */
  detached: z.boolean().optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export const annotationFileSchema = z.looseObject({
  source: idSchema,
  annotations: z.array(annotationSchema),
});
export type AnnotationFile = z.infer<typeof annotationFileSchema>;

export const codeSchema = z.looseObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  color: hexColor,
  description: z.string().default(''),
  parent: idSchema.optional(),
});
export type Code = z.infer<typeof codeSchema>;

export const codebookSchema = z.looseObject({ codes: z.array(codeSchema) });
export type Codebook = z.infer<typeof codebookSchema>;

/** zod's issues as one line a researcher can fix by hand: `title: Required; tags.0: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    .join('; ');
}
