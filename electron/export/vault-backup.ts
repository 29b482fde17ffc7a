import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { isWithin } from '../vault/vault-paths.ts';

/**
 * A whole vault as one `.zip` (issue 13's backup): every file the user owns, the trash and the notes'
 * history included; not what can be rebuilt or belongs to a running app (the search index, the lock,
 * imports in progress, temporary files). Links are left out, never followed: a backup holds the
 * vault, not what a link points at. Written beside its name, then renamed: never half a backup.
 */

const LEFT_OUT = [/^\.carnet\/index(?:\/|$)/, /^\.carnet\/lock$/, /^\.carnet\/pending(?:\/|$)/, /\.carnet-tmp-[0-9a-f]+$/];

export interface BackupResult {
  file: string;
  files: number;
  bytes: number;
  /** Links met and left out (vault-relative). */
  skippedLinks: string[];
}

export async function backupVault(root: string, out: string): Promise<BackupResult> {
  const target = path.resolve(out);
  if (isWithin(path.resolve(root), target)) {
    throw new CarnetError('invalid-input', { en: 'Save the backup outside the vault: inside it, it would be backed up into itself next time.', fr: 'Enregistrez la sauvegarde hors du coffre : dedans, elle se sauvegarderait elle-même la fois suivante.' });
  }
  const zip = new yazl.ZipFile();
  const result: BackupResult = { file: target, files: 0, bytes: 0, skippedLinks: [] };
  await addFolder(zip, root, '', result);
  zip.end();
  const partial = `${target}.part`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial, { flags: 'wx' }));
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error instanceof CarnetError ? error : fileSystemError(error, target);
  }
  return result;
}

async function addFolder(zip: yazl.ZipFile, root: string, relative: string, result: BackupResult): Promise<void> {
  const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true }).catch((error: unknown) => Promise.reject(fileSystemError(error, path.join(root, relative))));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (LEFT_OUT.some((pattern) => pattern.test(name))) continue;
    if (entry.isSymbolicLink()) {
      result.skippedLinks.push(name);
    } else if (entry.isDirectory()) {
      await addFolder(zip, root, name, result);
    } else if (entry.isFile()) {
      const full = path.join(root, name);
      const stat = await fs.stat(full);
      zip.addFile(full, name, { mtime: stat.mtime, mode: 0o100644 });
      result.files++;
      result.bytes += stat.size;
    }
  }
}
