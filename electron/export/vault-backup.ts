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

/** Past this size, a backup is not built in memory (to cross the app's API as one value): the CLI streams it to a file. */
export const MAX_IN_MEMORY_BACKUP_BYTES = 300 * 1024 * 1024;

interface VaultFile {
  name: string;
  full: string;
  mtime: Date;
}

export async function backupVault(root: string, out: string): Promise<BackupResult> {
  const target = path.resolve(out);
  if (isWithin(path.resolve(root), target)) {
    throw new CarnetError('invalid-input', { en: 'Save the backup outside the vault: inside it, it would be backed up into itself next time.', fr: 'Enregistrez la sauvegarde hors du coffre : dedans, elle se sauvegarderait elle-même la fois suivante.' });
  }
  const result: BackupResult = { file: target, files: 0, bytes: 0, skippedLinks: [] };
  const zip = zipOf(await listFolder(root, '', result));
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

/**
 * The same backup as bytes, for the Export dialog (the same files, the same rules). A vault whose
 * files pass `maxBytes` is refused before anything is read: `carnet export --format zip` writes it.
 */
export async function backupVaultBytes(root: string, maxBytes = MAX_IN_MEMORY_BACKUP_BYTES): Promise<Omit<BackupResult, 'file'> & { data: Buffer }> {
  const result: BackupResult = { file: '', files: 0, bytes: 0, skippedLinks: [] };
  const files = await listFolder(root, '', result);
  if (result.bytes > maxBytes) {
    const size = `${Math.ceil(result.bytes / 1048576)}`;
    const limit = `${Math.floor(maxBytes / 1048576)}`;
    throw new CarnetError('too-heavy', {
      en: `This vault holds ${size} MB of files, too much for a backup from the app (up to ${limit} MB). Make it from a terminal instead: carnet export --vault "${root}" --format zip --out FILE.zip`,
      fr: `Ce coffre contient ${size} Mo de fichiers, trop pour une sauvegarde depuis l’application (jusqu’à ${limit} Mo). Faites-la depuis un terminal : carnet export --vault "${root}" --format zip --out FICHIER.zip`,
    });
  }
  const zip = zipOf(files);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw fileSystemError(error, root);
  }
  const { file: _file, ...counts } = result;
  return { ...counts, data: Buffer.concat(chunks) };
}

function zipOf(files: VaultFile[]): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addFile(file.full, file.name, { mtime: file.mtime, mode: 0o100644 });
  zip.end();
  return zip;
}

/** The files a backup holds, in order; links and what it leaves out are not among them. */
async function listFolder(root: string, relative: string, result: BackupResult): Promise<VaultFile[]> {
  const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true }).catch((error: unknown) => Promise.reject(fileSystemError(error, path.join(root, relative))));
  const files: VaultFile[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (LEFT_OUT.some((pattern) => pattern.test(name))) continue;
    if (entry.isSymbolicLink()) {
      result.skippedLinks.push(name);
    } else if (entry.isDirectory()) {
      files.push(...(await listFolder(root, name, result)));
    } else if (entry.isFile()) {
      const full = path.join(root, name);
      const stat = await fs.stat(full);
      files.push({ name, full, mtime: stat.mtime });
      result.files++;
      result.bytes += stat.size;
    }
  }
  return files;
}
