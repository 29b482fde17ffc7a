import type { CarnetErrorCode } from '../core/carnet-error.ts';
import type { ImportedDocument } from './imported-document.ts';

/**
 * What the app's thread and the import worker say to each other. Kept apart from the worker so
 * that importing these types does not pull the worker (and pdfjs) into whatever imports them.
 */

export interface ImportRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  /** For a text capture: lines known to be its site's chrome (site-chrome.ts), folded with `chromeKey`. */
  siteChrome?: string[];
}

export type ImportReply =
  | { id: number; document: Omit<ImportedDocument, 'original'>; original: { extension: string; bytes?: Uint8Array } }
  | { id: number; error: { code: CarnetErrorCode; en: string; fr: string } };
