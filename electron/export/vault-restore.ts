import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';

/**
 * `carnet restore ZIP DIR`: a backup made into a new vault folder. The archive is read twice: first
 * every entry's name, kind and size is checked, and one thing wrong refuses the whole archive with
 * nothing written (a path out of the folder, an absolute path, a link, a device, too many entries,
 * more bytes than a vault holds, no carnet.json); then the files go into a folder beside DIR,
 * renamed to DIR once all are in.
 */

const MAX_ENTRIES = 200_000;
/** Declared sizes are checked against what inflates (yauzl's validateEntrySizes): a bomb stops here. */
const MAX_TOTAL_BYTES = 32 * 1024 ** 3;

interface Checked {
  name: string;
  isFolder: boolean;
}

export async function restoreVault(zipPath: string, dir: string): Promise<{ files: number; folder: string }> {
  const folder = path.resolve(dir);
  await assertFreeFolder(folder);
  const entries = await checkedEntries(zipPath);
  if (!entries.some((entry) => entry.name === 'carnet.json')) refuse({ en: 'it has no carnet.json at its top: it is not a Carnet vault backup', fr: 'elle n’a pas de carnet.json à sa racine : ce n’est pas une sauvegarde de coffre Carnet' });
  const staging = `${folder}.restoring-${process.pid}`;
  await fs.mkdir(path.dirname(folder), { recursive: true }).catch((error: unknown) => Promise.reject(fileSystemError(error, folder)));
  await fs.mkdir(staging, { recursive: false }).catch((error: unknown) => Promise.reject(fileSystemError(error, staging)));
  try {
    const files = await extract(zipPath, staging);
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    await fs.rename(staging, folder);
    return { files, folder };
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error instanceof CarnetError ? error : fileSystemError(error, folder);
  }
}

async function assertFreeFolder(folder: string): Promise<void> {
  const existing = await fs.readdir(folder).catch((error: unknown) => ((error as NodeJS.ErrnoException).code === 'ENOENT' ? null : Promise.reject(fileSystemError(error, folder))));
  if (existing && existing.length > 0) {
    throw new CarnetError('conflict', { en: `${folder} is not empty. Restore into a new or empty folder: nothing was written.`, fr: `${folder} n’est pas vide. Restaurez dans un dossier nouveau ou vide : rien n’a été écrit.` });
  }
}

function open(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(new CarnetError('unreadable', { en: `${zipPath} cannot be read as a ZIP archive (${error?.message ?? 'unknown'}). Nothing was written.`, fr: `${zipPath} ne se lit pas comme une archive ZIP (${error?.message ?? 'inconnu'}). Rien n’a été écrit.` }));
      else resolve(zip);
    });
  });
}

/** Every entry's name and kind, each checked; the first wrong one refuses the archive. */
async function checkedEntries(zipPath: string): Promise<Checked[]> {
  const zip = await open(zipPath);
  const entries: Checked[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = entry.fileName;
        if (entries.length >= MAX_ENTRIES) refuse({ en: `it holds more than ${MAX_ENTRIES.toLocaleString('en')} entries`, fr: `elle contient plus de ${MAX_ENTRIES.toLocaleString('fr')} entrées` });
        // yauzl's strictFileNames already refuses absolute paths, "..", and backslashes; these are belt and braces.
        if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..') || name.includes('\0')) refuse({ en: `its entry "${name.slice(0, 120)}" leaves the folder`, fr: `son entrée « ${name.slice(0, 120)} » sort du dossier` });
        const kind = (entry.externalFileAttributes >>> 16) & 0o170000;
        const isFolder = name.endsWith('/');
        if (kind !== 0 && kind !== 0o100000 && !(isFolder && kind === 0o040000)) refuse({ en: `its entry "${name.slice(0, 120)}" is a link or a device, not a file`, fr: `son entrée « ${name.slice(0, 120)} » est un lien ou un périphérique, pas un fichier` });
        total += entry.uncompressedSize;
        if (total > MAX_TOTAL_BYTES) refuse({ en: 'it would inflate to more than 32 GB', fr: 'elle décompresserait plus de 32 Go' });
        entries.push({ name, isFolder });
        zip.readEntry();
      } catch (error) {
        zip.close();
        reject(error);
      }
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) => {
      // yauzl's own check of the names (strictFileNames) speaks of paths: say it as ours does.
      if (/invalid relative path|absolute path|invalid characters/.test(error.message)) {
        reject(refusal({ en: `an entry leaves the folder (${error.message})`, fr: `une entrée sort du dossier (${error.message})` }));
        return;
      }
      reject(new CarnetError('unreadable', { en: `The archive is damaged (${error.message}). Nothing was written.`, fr: `L’archive est endommagée (${error.message}). Rien n’a été écrit.` }));
    });
    zip.readEntry();
  });
  return entries;
}

async function extract(zipPath: string, into: string): Promise<number> {
  const zip = await open(zipPath);
  let files = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const target = path.join(into, ...entry.fileName.split('/'));
      const done = (error?: unknown) => (error ? (zip.close(), reject(error)) : zip.readEntry());
      if (entry.fileName.endsWith('/')) {
        fs.mkdir(target, { recursive: true }).then(() => done(), done);
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return done(error ?? new Error('no stream'));
        fs.mkdir(path.dirname(target), { recursive: true })
          .then(() => pipeline(stream, createWriteStream(target, { flags: 'wx' })))
          .then(() => {
            files++;
            done();
          }, done);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) => reject(new CarnetError('unreadable', { en: `The archive is damaged (${error.message}). Nothing was restored.`, fr: `L’archive est endommagée (${error.message}). Rien n’a été restauré.` })));
    zip.readEntry();
  });
  return files;
}

function refusal(why: Bilingual): CarnetError {
  return new CarnetError('invalid-input', { en: `This backup was refused: ${why.en}. Nothing was written.`, fr: `Cette sauvegarde a été refusée : ${why.fr}. Rien n’a été écrit.` });
}

function refuse(why: Bilingual): never {
  throw refusal(why);
}
