import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { isWithin } from './vault-paths.ts';
import type { Bilingual } from '../core/carnet-error.ts';

/** Which vault files Carnet reads, and how it reads one: strictly, so that nothing unreadable is ever rewritten. */

export type VaultFileKind = 'manifest' | 'codebook' | 'source' | 'note' | 'annotations';

export interface ClassifiedPath {
  kind: VaultFileKind;
  /** The slug for sources, notes and annotation files. */
  slug: string;
}

/** Files larger than this are reported instead of read: no note or clean article comes near it. */
export const MAX_VAULT_FILE_BYTES = 64 * 1024 * 1024;

export function classifyVaultPath(relative: string): ClassifiedPath | null {
  if (relative === 'carnet.json') return { kind: 'manifest', slug: '' };
  if (relative === 'codebook.json') return { kind: 'codebook', slug: '' };
  const match = /^(sources|notes|annotations)\/([^/]+)\.(md|json)$/.exec(relative);
  if (!match) return null;
  const [, folder, slug, ext] = match as unknown as [string, string, string, string];
  if (slug.startsWith('.')) return null;
  if (folder === 'sources' && ext === 'md') return { kind: 'source', slug };
  if (folder === 'notes' && ext === 'md') return { kind: 'note', slug };
  if (folder === 'annotations' && ext === 'json') return { kind: 'annotations', slug };
  return null;
}

export type ReadOutcome =
  | { ok: true; text: string; revision: string }
  | { ok: false; missing: boolean; message: Bilingual };

/** Reads a vault file as strict UTF-8. Refuses symlinks that leave the vault and oversized files, with a reason. */
export async function readVaultFile(root: string, relative: string): Promise<ReadOutcome> {
  const absolute = path.join(root, relative);
  let stat;
  try {
    stat = await fs.lstat(absolute);
  } catch {
    return { ok: false, missing: true, message: { en: 'The file is gone.', fr: 'Le fichier a disparu.' } };
  }
  if (stat.isSymbolicLink()) {
    const target = await fs.realpath(absolute).catch(() => null);
    if (!target || !isWithin(await fs.realpath(root), target)) {
      return { ok: false, missing: false, message: { en: 'This is a link to a file outside the vault; Carnet does not follow it. Put the file itself in the vault.', fr: 'C’est un lien vers un fichier hors du coffre ; Carnet ne le suit pas. Placez le fichier lui-même dans le coffre.' } };
    }
    stat = await fs.stat(target);
  }
  if (!stat.isFile()) return { ok: false, missing: false, message: { en: 'This is not a regular file. Move it out of this folder.', fr: 'Ce n’est pas un fichier ordinaire. Sortez-le de ce dossier.' } };
  if (stat.size > MAX_VAULT_FILE_BYTES) {
    const size = (stat.size / 1048576).toFixed(0);
    const limit = MAX_VAULT_FILE_BYTES / 1048576;
    return {
      ok: false,
      missing: false,
      message: { en: `The file is ${size} MB; Carnet reads vault files up to ${limit} MB. Split it into smaller files.`, fr: `Le fichier fait ${size} Mo ; Carnet lit les fichiers du coffre jusqu’à ${limit} Mo. Découpez-le en fichiers plus petits.` },
    };
  }
  const bytes = await fs.readFile(absolute);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, missing: false, message: { en: 'The file is not valid UTF-8 text. Re-save it as UTF-8 in a text editor.', fr: 'Le fichier n’est pas du texte UTF-8 valide. Réenregistrez-le en UTF-8 dans un éditeur de texte.' } };
  }
  // The bytes are the text's UTF-8: hashing them gives revisionOf(text) without encoding a long file again.
  return { ok: true, text, revision: revisionOf(bytes) };
}

/** A file's revision: the hash of its content, so "changed since you read it" survives clock skew and sync tools. */
export function revisionOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
