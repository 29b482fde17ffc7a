import type { Bilingual } from '../core/bilingual.ts';
import type { Annotation, Code, NoteMeta, SourceMeta } from './vault-schemas.ts';
import type { CitationStyle } from '../export/citation-styles.ts';

/** What the vault hands out: plain data, safe to send across the contract as JSON. */

export interface Problem {
  /** Vault-relative path, with forward slashes. */
  path: string;
  /** The line of the file the problem is on (1-based), when it is on one. */
  line?: number;
  /** What is wrong and what to do, in each language the UI speaks. */
  message: Bilingual;
}

export interface SourceSummary extends SourceMeta {
  slug: string;
  path: string;
  annotationCount: number;
}

export interface SourceDetail extends SourceSummary {
  body: string;
  revision: string;
}

export interface NoteSummary extends NoteMeta {
  slug: string;
  path: string;
  /** The note's `aliases:` front-matter key, when it has one: other names links may use. */
  aliases?: string[];
}

export interface NoteDetail extends NoteSummary {
  body: string;
  revision: string;
}

/** A place in a note that links to (or mentions) another: the line of the file, 1-based, and its text. */
export interface LinkPlace {
  noteId: string;
  title: string;
  line: number;
  /** The line's text, trimmed to about 160 characters around the link. */
  excerpt: string;
}

/** A link written in a note, and the note it leads to (null: no note has that title, alias or file name). */
export interface OutgoingLink {
  target: string;
  line: number;
  resolved: { kind: 'note'; id: string; title: string } | null;
}

export interface NoteLinks {
  /** Notes that link to this one. */
  backlinks: LinkPlace[];
  /** Notes that name this one (its title or an alias, as whole words) without linking to it. */
  mentions: LinkPlace[];
  /** The links this note makes, in order. */
  outgoing: OutgoingLink[];
}

/** An earlier version of a note, kept in `.carnet/history/` when a save replaced it. */
export interface NoteVersionSummary {
  /** Its name in the note's history folder (a time stamp). */
  version: string;
  /** When it was replaced, ISO 8601. */
  saved: string;
  size: number;
}

export interface NoteVersion {
  version: string;
  saved: string;
  /** Its title, when its front matter reads; else empty. */
  title: string;
  body: string;
  /** The whole file as it was. */
  text: string;
}

/** Where an annotation stands in its source's current body (see electron/annotations/anchoring.ts). */
export type AnnotationAnchor =
  | { state: 'anchored'; start: number; end: number }
  | { state: 'needs-review'; start: number; end: number; found: string }
  | { state: 'orphan' };

export type AnnotationState = AnnotationAnchor['state'];

export interface AnnotationList {
  sourceId: string;
  annotations: Annotation[];
  /** One per annotation, in the same order: where it is found in the body today. */
  anchors: AnnotationAnchor[];
  /** null while the source has no annotation file yet. */
  revision: string | null;
}

/** A highlight colour of the vault and the name the user gave it ("key fact", "contradiction"). */
export interface HighlightColor {
  color: string;
  name: string;
}

/** The vault's own settings, kept in carnet.json under `settings`. */
export interface VaultSettings {
  highlightColors: HighlightColor[];
  /** What "Quote in note" inserts (citations/quote-template.ts); the default when the vault names none. */
  quoteTemplate: string;
  /** The app's default template, for a "Reset" button (never stored). */
  defaultQuoteTemplate: string;
  /** The style of the vault's bibliographies, in-text references and "Copy citation" (export/citation-styles.ts); 'apa' when it names none. */
  citationStyle: CitationStyle;
}

export interface CodeSummary extends Code {
  annotationCount: number;
}

export interface CodedPassage {
  sourceId: string;
  sourceTitle: string;
  /** The source's publication date, when known. */
  sourcePublished?: string;
  annotation: Annotation;
  state: AnnotationState;
}

/** Which codes a passage must have (sub-codes count as their parent): all of `all`, one of `any` (when given), none of `none`. */
export interface PassageQuery {
  all: string[];
  any: string[];
  none: string[];
  sourceId?: string;
}

/** How many passages each code (with its sub-codes) has in each source. */
export interface CodeMatrix {
  sources: { id: string; title: string; published?: string }[];
  rows: { codeId: string; counts: Record<string, number>; total: number }[];
}

/** Pairs of codes applied to the same or overlapping passages, and how many times. */
export interface CodeCooccurrence {
  pairs: { a: string; b: string; count: number }[];
}

export type ItemKind = 'source' | 'note';

export interface TrashEntry {
  id: string;
  /** Annotations and codes are kept as records (no file of their own), restored into their files. */
  kind: ItemKind | 'annotation' | 'code';
  title: string;
  deleted: string;
  files: string[];
}

export type VaultChange =
  | { kind: 'source' | 'note' | 'annotations'; id: string; change: 'added' | 'updated' | 'removed' }
  | { kind: 'codebook' | 'problems' | 'trash' | 'settings'; id: ''; change: 'updated' };

export interface VaultInfo {
  root: string;
  id: string;
  name: string;
  formatVersion: number;
  readOnly: boolean;
  /** Why the vault is read-only, in words for the user in each language; null when it is writable. */
  readOnlyReason: Bilingual | null;
  counts: { sources: number; notes: number; codes: number; problems: number; trash: number };
}
