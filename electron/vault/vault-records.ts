import type { Bilingual } from '../core/bilingual.ts';
import type { Annotation, Code, NoteMeta, SourceMeta } from './vault-schemas.ts';

/** What the vault hands out: plain data, safe to send across the contract as JSON. */

export interface Problem {
  /** Vault-relative path, with forward slashes. */
  path: string;
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
}

export interface NoteDetail extends NoteSummary {
  body: string;
  revision: string;
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

export interface AnnotationList {
  sourceId: string;
  annotations: Annotation[];
  /** null while the source has no annotation file yet. */
  revision: string | null;
}

export interface CodeSummary extends Code {
  annotationCount: number;
}

export interface CodedPassage {
  sourceId: string;
  sourceTitle: string;
  annotation: Annotation;
}

export type ItemKind = 'source' | 'note';

export interface TrashEntry {
  id: string;
  kind: ItemKind;
  title: string;
  deleted: string;
  files: string[];
}

export type VaultChange =
  | { kind: 'source' | 'note' | 'annotations'; id: string; change: 'added' | 'updated' | 'removed' }
  | { kind: 'codebook' | 'problems' | 'trash'; id: ''; change: 'updated' };

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
