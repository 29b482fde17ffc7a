import { CarnetError } from '../core/carnet-error.ts';
import type { Vault } from '../vault/vault.ts';
import { cslItem, formatReference, type CitationStyle, type ReferenceKind } from './source-citations.ts';

/**
 * "Copy citation" and "Copy bibliography entry": some of the vault's sources as the style writes
 * them, as text and as HTML for the clipboard; the style the vault chose unless one is asked for.
 */
export async function copyReference(vault: Vault, sourceIds: string[], kind: ReferenceKind, style: CitationStyle | undefined, language: 'en' | 'fr'): Promise<{ text: string; html: string }> {
  const byId = new Map(vault.listSources().map((source) => [source.id, source]));
  const missing = sourceIds.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new CarnetError('not-found', {
      en: `No source ${missing.slice(0, 3).join(', ')} in this vault: it may have been deleted.`,
      fr: `Aucune source ${missing.slice(0, 3).join(', ')} dans ce coffre : elle a peut-être été supprimée.`,
    });
  }
  const chosen = style ?? (await vault.getVaultSettings()).citationStyle;
  const items = [...new Set(sourceIds)].map((id) => cslItem(byId.get(id)!));
  const { text, html } = formatReference(items, kind, chosen, language);
  return { text: text.trim(), html: html.trim() };
}
