import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import type { SourceType } from '../vault/vault-schemas.ts';

/** What every importer returns: the metadata it could read, the clean body, and the untouched original. */

export interface ImportInput {
  /** The file's name, with its extension (`article.html`), for the format and a fallback title. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportedMetadata {
  title: string;
  url?: string;
  publisher?: string;
  authors: string[];
  /** `YYYY-MM-DD` */
  published?: string;
  language?: string;
  /** The CSL item type (`article-journal`, `report`…). This one and those below: only where the file states them. */
  type?: SourceType;
  /** The journal, newspaper or site the document is part of (CSL `container-title`). */
  container?: string;
  /** The publisher's town. */
  place?: string;
  /** `YYYY-MM-DD`: the day the page was saved, when the capture states it. */
  accessed?: string;
  /** `12–19` */
  pages?: string;
  /** `10.1234/abc`, without `doi:` or `https://doi.org/`. */
  doi?: string;
  archive?: string;
  /** A report's number. */
  identifier?: string;
  /** No article was found in a capture: the body is all of it, for the researcher to trim. */
  extraction?: 'uncertain';
}

export interface ImportedDocument {
  metadata: ImportedMetadata;
  /**
   * The clean text: paragraphs separated by blank lines; `## ` headings, `_…_` captions and
   * `<!-- page N -->` page markers are the only structure. Fixed once imported: annotations point into it.
   */
  body: string;
  original: { bytes: Uint8Array; extension: string };
  /** The body's fingerprint (content-fingerprint.ts), when worked out beside the import, off the app's thread. */
  fingerprint?: string;
}

export type Importer = (input: ImportInput) => Promise<ImportedDocument>;

export function importError(message: Bilingual): CarnetError {
  return new CarnetError('unreadable', message);
}

export const EMPTY_FILE: Bilingual = { en: 'The file is empty: there is nothing to import.', fr: 'Le fichier est vide : il n’y a rien à importer.' };

/** A title from a file name: `2025-11-19_imm6-hanoi.txt` → `2025 11 19 imm6 hanoi`. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return base || 'Untitled source';
}

export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

/** Whitespace tidied the same way for every format: no trailing spaces, at most one blank line. */
export function tidyBody(paragraphs: string[]): string {
  return paragraphs
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
