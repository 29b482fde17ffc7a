import { CarnetError, type UiLanguage } from '../core/carnet-error.ts';
import { bodyFingerprint, normaliseUrl } from './content-fingerprint.ts';
import { importInWorker } from './import-runner.ts';
import { normaliseMetadata } from './metadata/normalise.ts';
import type { ImportInput } from './imported-document.ts';
import type { ImportResult } from './import-result.ts';
import type { Vault } from '../vault/vault.ts';
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

/**
 * Reads one file and adds it to the vault, unless the same article (same text, or same URL) is
 * there already. Never throws for a bad file: the reason comes back in the result.
 */
export async function importIntoVault(vault: Vault, input: ImportInput, uiLanguage: UiLanguage = 'en'): Promise<ImportResult> {
  if (input.bytes.length > MAX_IMPORT_BYTES) return { name: input.name, status: 'failed', reason: tooLargeReason(input.bytes.length, uiLanguage) };
  try {
    const document = await importInWorker(input);
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
    const { title, url: cleanUrl, publisher, authors, published, language } = normaliseMetadata(document.metadata, document.body, input.name);
    const { extraction } = document.metadata;
    const added = await vault.addSource({ title, url: cleanUrl, publisher, authors, published, language, sha256, extraction }, `${document.body}\n`, document.original);
    return { name: input.name, status: 'imported', sourceId: added.id, title: added.title, publisher, published, language, url: cleanUrl, ...(extraction ? { uncertain: true as const } : {}) };
  } catch (error) {
    if (error instanceof CarnetError && (error.code === 'read-only' || error.code === 'no-vault')) throw error;
    return { name: input.name, status: 'failed', reason: error instanceof CarnetError ? error.in(uiLanguage) : error instanceof Error ? error.message : String(error) };
  }
}
