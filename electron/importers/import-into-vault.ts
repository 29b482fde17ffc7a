import { CarnetError, type UiLanguage } from '../core/carnet-error.ts';
import { bodyFingerprint, normaliseUrl } from './content-fingerprint.ts';
import { decodeText } from './decode-text.ts';
import { extensionOf } from './imported-document.ts';
import { importInWorker } from './import-runner.ts';
import { normaliseMetadata } from './metadata/normalise.ts';
import type { ImportInput } from './imported-document.ts';
import type { ImportResult } from './import-result.ts';
import type { Vault } from '../vault/vault.ts';
import { learntCapture, MAX_LEARNT_BYTES, type LearntCapture } from '../vault/site-chrome-store.ts';
import { MAX_IMPORT_BYTES } from '../api.ts';

export type { ImportResult };

/** The largest file Carnet imports: far above any article or report, far below what would exhaust memory. */
export { MAX_IMPORT_BYTES };

export function tooLargeReason(size: number, language: UiLanguage = 'en'): string {
  const mb = (size / 1048576).toFixed(0);
  return language === 'fr'
    ? `Le fichier fait ${mb} Mo ; Carnet importe des fichiers jusqu’à ${MAX_IMPORT_BYTES / 1048576} Mo. Découpez-le, ou importez plutôt la page web ou le PDF de l’article.`
    : `The file is ${mb} MB; Carnet imports files up to ${MAX_IMPORT_BYTES / 1048576} MB. Split it into smaller files, or import the article's web page or PDF instead.`;
}

export interface ImportOptions {
  /** The other text captures imported with this file (`learnFromBatch`): captures of one site teach each other its chrome. */
  batch?: readonly LearntCapture[];
}

/**
 * Reads one file and adds it to the vault, unless the same article (same text, or same URL) is
 * there already. Never throws for a bad file: the reason comes back in the result. A text capture
 * is read with its site's chrome: the lines it shares with the vault's captures of the same site
 * (same address, or same header) and with those of its batch (site-chrome.ts).
 */
export async function importIntoVault(vault: Vault, input: ImportInput, uiLanguage: UiLanguage = 'en', options: ImportOptions = {}): Promise<ImportResult> {
  if (input.bytes.length > MAX_IMPORT_BYTES) return { name: input.name, status: 'failed', reason: tooLargeReason(input.bytes.length, uiLanguage) };
  try {
    const text = captureText(input);
    const siteChrome = text === null ? undefined : await vault.siteChrome(text, { batch: options.batch });
    const document = await importInWorker(input, {}, siteChrome);
    const sha256 = document.fingerprint ?? bodyFingerprint(document.body);
    const url = document.metadata.url ? normaliseUrl(document.metadata.url) : null;
    for (const source of vault.listSources()) {
      const sameText = (source.sha256 ?? bodyFingerprint(vault.getSource(source.id).body)) === sha256;
      const sameUrl = url !== null && source.url !== undefined && normaliseUrl(source.url) === url;
      if (sameText || sameUrl) {
        return {
          name: input.name,
          status: 'duplicate',
          existingId: source.id,
          existingTitle: source.title,
          reason: sameText
            ? uiLanguage === 'fr' ? 'Le même texte est déjà dans le coffre.' : 'The same text is already in the vault.'
            : uiLanguage === 'fr' ? `Une source de même adresse est déjà dans le coffre (${source.url}).` : `A source with the same address is already in the vault (${source.url}).`,
        };
      }
    }
    // Citation facts (type, container, DOI…) as the file states them; `accessed` only when the capture says when it was saved.
    const { title, url: cleanUrl, publisher, authors, published, language, ...citation } = normaliseMetadata(document.metadata, document.body, input.name);
    const { extraction } = document.metadata;
    const added = await vault.addSource({ title, url: cleanUrl, publisher, authors, published, language, ...citation, sha256, extraction }, `${document.body}\n`, document.original);
    return { name: input.name, status: 'imported', sourceId: added.id, title: added.title, publisher, published, language, url: cleanUrl, ...(extraction ? { uncertain: true as const } : {}) };
  } catch (error) {
    if (error instanceof CarnetError && (error.code === 'read-only' || error.code === 'no-vault')) throw error;
    return { name: input.name, status: 'failed', reason: error instanceof CarnetError ? error.in(uiLanguage) : error instanceof Error ? error.message : String(error) };
  }
}

/** A text capture's text, to learn its site's chrome from; null for other formats and files too large to learn from. */
function captureText(input: ImportInput): string | null {
  if (!isCaptureName(input.name) || input.bytes.length > MAX_LEARNT_BYTES) return null;
  try {
    return decodeText(input.bytes).text;
  } catch {
    return null;
  }
}

export function isCaptureName(name: string): boolean {
  const extension = extensionOf(name);
  return extension === 'txt' || extension === 'text';
}

/** A file of a batch made ready to teach its site's chrome to the others; null when it is not a text capture. */
export function learnFromBatch(input: ImportInput): LearntCapture | null {
  const text = captureText(input);
  return text === null ? null : learntCapture(text);
}
