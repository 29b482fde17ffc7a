import path from 'node:path';
import { z } from 'zod';
import { CarnetError } from '../core/carnet-error.ts';
import { atomicWrite } from './atomic-write.ts';
import type { VaultCore } from './vault-core.ts';
import { readVaultFile } from './vault-files.ts';
import type { VaultSettings } from './vault-records.ts';
import { vaultManifestSchema } from './vault-schemas.ts';
import { DEFAULT_QUOTE_TEMPLATE } from '../citations/quote-template.ts';
import { DEFAULT_CITATION_STYLE, isCitationStyle } from '../export/citation-styles.ts';

/**
 * The vault's own settings (its five highlight colours and their names, the template "Quote in
 * note" follows, its citation style), kept in carnet.json under
 * `settings` so that they travel with the vault. Every other key of carnet.json is kept as it is,
 * and a carnet.json that does not read is never rewritten.
 */

/** Zotero's five colours. Unnamed (''): the interface says "Yellow" or "Jaune" in the user's language; only names the user gives are stored. */
export const DEFAULT_HIGHLIGHT_COLORS: VaultSettings['highlightColors'] = [
  { color: '#ffd400', name: '' },
  { color: '#ff6666', name: '' },
  { color: '#5fb236', name: '' },
  { color: '#2ea8e5', name: '' },
  { color: '#a28ae5', name: '' },
];

const highlightColorsSchema = z.array(z.object({ color: z.string().regex(/^#[0-9a-fA-F]{6}$/), name: z.string().max(60) })).length(5);

export async function readVaultSettings(root: string): Promise<VaultSettings> {
  const manifest = await readManifestObject(root).catch(() => null);
  const stored = manifest?.settings;
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const colors = highlightColorsSchema.safeParse(fields.highlightColors);
  const template = quoteTemplateSchema.safeParse(fields.quoteTemplate);
  // Settings written by hand that do not read fall back to the defaults here, and stay in the file until the user saves new ones.
  return {
    highlightColors: colors.success ? colors.data.map(({ color, name }) => ({ color, name })) : DEFAULT_HIGHLIGHT_COLORS.map((c) => ({ ...c })),
    quoteTemplate: template.success && template.data.trim() !== '' ? template.data : DEFAULT_QUOTE_TEMPLATE,
    defaultQuoteTemplate: DEFAULT_QUOTE_TEMPLATE,
    citationStyle: isCitationStyle(fields.citationStyle) ? fields.citationStyle : DEFAULT_CITATION_STYLE,
  };
}

const quoteTemplateSchema = z.string().max(4000);

/** Changes the settings given; the others stay as they are in the file. */
export function writeVaultSettings(core: VaultCore, settings: Partial<Omit<VaultSettings, 'defaultQuoteTemplate'>>): Promise<VaultSettings> {
  return core.write(async () => {
    const manifest = await readManifestObject(core.root);
    const before = typeof manifest.settings === 'object' && manifest.settings !== null && !Array.isArray(manifest.settings) ? (manifest.settings as Record<string, unknown>) : {};
    const change: Record<string, unknown> = {};
    if (settings.highlightColors) change.highlightColors = settings.highlightColors.map(({ color, name }) => ({ color: color.toLowerCase(), name: name.trim() }));
    // The default is not written: a vault that never chose a template follows the app's.
    if (settings.quoteTemplate !== undefined) change.quoteTemplate = settings.quoteTemplate.trim() === '' || settings.quoteTemplate === DEFAULT_QUOTE_TEMPLATE ? undefined : settings.quoteTemplate;
    if (settings.citationStyle !== undefined) {
      if (!isCitationStyle(settings.citationStyle)) {
        throw new CarnetError('invalid-input', { en: `Unknown citation style "${String(settings.citationStyle)}".`, fr: `Style de citation inconnu « ${String(settings.citationStyle)} ».` });
      }
      change.citationStyle = settings.citationStyle === DEFAULT_CITATION_STYLE ? undefined : settings.citationStyle;
    }
    const next = { ...manifest, settings: { ...before, ...change } };
    await atomicWrite(path.join(core.root, 'carnet.json'), `${JSON.stringify(next, null, 2)}\n`, { within: core.root, label: 'carnet.json' });
    core.emit([{ kind: 'settings', id: '', change: 'updated' }]);
    return readVaultSettings(core.root);
  });
}

/** carnet.json as a JSON object, refused (never to be rewritten) unless it reads and describes a vault. */
async function readManifestObject(root: string): Promise<Record<string, unknown>> {
  const read = await readVaultFile(root, 'carnet.json');
  let raw: unknown = null;
  if (read.ok) {
    try {
      raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
    } catch {
      // Refused below.
    }
  }
  if (!read.ok || !vaultManifestSchema.safeParse(raw).success || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CarnetError('unreadable', {
      en: 'Did not save the vault’s settings: carnet.json cannot be read as a vault description, and Carnet never rewrites what it could not read. Fix it by hand, then try again.',
      fr: 'Carnet n’a pas enregistré les réglages du coffre : carnet.json ne se lit pas comme une description de coffre, et Carnet ne réécrit jamais ce qu’il n’a pas pu lire. Corrigez-le à la main, puis réessayez.',
    });
  }
  return raw as Record<string, unknown>;
}
