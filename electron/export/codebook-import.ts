import type { Vault } from '../vault/vault.ts';
import { foldName } from '../vault/text-fold.ts';
import { parseCodebook, type ImportedCode } from './qdc-codebook.ts';
import { listZipEntries, readZipEntry } from '../importers/zip-entries.ts';
import { CarnetError } from '../core/carnet-error.ts';

/**
 * A shared codebook added to the vault's: each code under its parent, colour and description
 * kept; a code the vault already has under the same parent (name compared without case or accents)
 * is kept as it is and its sub-codes go under it. Nothing is removed or renamed.
 */
export async function importCodebook(vault: Vault, file: Uint8Array): Promise<{ added: number; kept: number }> {
  const tree = await parseCodebook(codebookText(file));
  let added = 0;
  let kept = 0;
  const place = async (codes: ImportedCode[], parent: string | undefined): Promise<void> => {
    for (const code of codes) {
      const existing = vault.listCodes().find((c) => (c.parent ?? undefined) === parent && foldName(c.name) === foldName(code.name));
      let id = existing?.id;
      if (existing) kept++;
      else {
        id = (await vault.createCode({ name: code.name, ...(code.color ? { color: code.color } : {}), ...(code.description ? { description: code.description } : {}), ...(parent ? { parent } : {}) })).id;
        added++;
      }
      await place(code.children, id);
    }
  };
  await place(tree, undefined);
  return { added, kept };
}

/** A .qdc's text, or a .qdpx's project.qde (read with the importers' zip-bomb limits). */
function codebookText(file: Uint8Array): string {
  const isZip = file[0] === 0x50 && file[1] === 0x4b;
  if (!isZip) return new TextDecoder('utf-8').decode(file);
  const kind = { en: 'REFI-QDA project', fr: 'projet REFI-QDA' };
  const entry = listZipEntries(file, kind).find((e) => e.name === 'project.qde');
  if (!entry) throw new CarnetError('invalid-input', { en: 'This archive has no project.qde: it is not a REFI-QDA project. Nothing was added.', fr: 'Cette archive n’a pas de project.qde : ce n’est pas un projet REFI-QDA. Rien n’a été ajouté.' });
  return new TextDecoder('utf-8').decode(readZipEntry(file, entry, kind));
}
