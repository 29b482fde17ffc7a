import fs from 'node:fs/promises';
import path from 'node:path';
import type { Bilingual } from '../core/carnet-error.ts';
import { isWithin } from './vault-paths.ts';
import { finishFileSets } from './vault-file-set.ts';
import { rollBackPending } from './vault-pending.ts';
import { sweepTemporaryFiles } from './vault-sweep.ts';
import { undoInterruptedMoves } from './vault-trash.ts';

/** What a vault needs at open, before anything is read: crash leftovers tidied, and folders that lead outside refused. */

/** Finishes or undoes what a crash interrupted: half-done renames, half-made imports, half-done deletes, temporary files. */
export async function recoverInterruptedWrites(root: string): Promise<void> {
  // Renames first: their records must not be mistaken for the torn records of an import.
  const finished = await finishFileSets(root);
  const removed = await rollBackPending(root);
  const restored = await undoInterruptedMoves(root);
  const swept = await sweepTemporaryFiles(root);
  if (finished.length + removed.length + restored.length + swept.length > 0) {
    console.error(
      `[carnet] recovered from an interrupted session in ${root}: ${finished.length} files of an unfinished rename brought up to date, ${removed.length} orphan files removed, ${restored.length} files moved back from an unfinished delete, ${swept.length} temporary files removed`,
    );
  }
}

/** The folders Carnet writes into: a link here would send notes, originals, the lock or the index elsewhere. */
const WRITTEN_FOLDERS = ['sources', 'sources/originals', 'notes', 'annotations', 'attachments', '.carnet', '.carnet/trash', '.carnet/index', '.carnet/pending', '.carnet/history'];

/** Why the vault must open read-only because one of its folders is a link out of it, or null when none is. */
export async function linkedFolderReason(root: string): Promise<Bilingual | null> {
  const realRoot = await fs.realpath(root);
  for (const folder of WRITTEN_FOLDERS) {
    const absolute = path.join(root, folder);
    const stat = await fs.lstat(absolute).catch(() => null);
    if (!stat) continue;
    const real = await fs.realpath(absolute).catch(() => null);
    const leaves = real === null ? stat.isSymbolicLink() : !isWithin(realRoot, real);
    if (leaves) {
      return {
        en: `Opened read-only: ${folder}/ is a link to a place outside the vault, and Carnet never writes outside a vault. Replace the link with a real folder to edit this vault.`,
        fr: `Ouvert en lecture seule : ${folder}/ est un lien vers un emplacement hors du coffre, et Carnet n’écrit jamais hors d’un coffre. Remplacez le lien par un vrai dossier pour modifier ce coffre.`,
      };
    }
  }
  return null;
}
