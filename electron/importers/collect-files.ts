import fs from 'node:fs/promises';
import path from 'node:path';
import type { Bilingual } from '../core/carnet-error.ts';
import { canImport } from './import-document.ts';
import { isWithin } from '../vault/vault-paths.ts';

export interface FoundFile {
  path: string;
  size: number;
  /** True for a file found while walking a folder: read it without following a link (it was not one when listed). */
  inFolder: boolean;
}

/** A link inside an imported folder that Carnet did not follow, and why: one line of the import summary. */
export interface SkippedLink {
  path: string;
  kind: 'outside' | 'inside' | 'dangling' | 'folder';
  reason: Bilingual;
}

export interface Collected {
  files: FoundFile[];
  /** Files inside folders in formats Carnet does not import (images, spreadsheets…), by count. */
  skipped: number;
  /** Paths that could not be read at all, with the reason. */
  missing: { path: string; reason: string }[];
  /** Links met inside folders, never followed, each with its reason. */
  links: SkippedLink[];
}

/**
 * The files to import from what the user named: files as given (whatever their format, so an
 * unsupported one gets its own line in the summary; a named link is followed, the user chose it),
 * folders walked recursively for the formats Carnet reads. Hidden files and folders are left out.
 * Inside a folder no link is followed: a link to a file outside the folder would copy that file
 * (say ~/.ssh/id_rsa) into the vault; a link to a file inside it would import the same file twice;
 * a linked folder could loop. Each link gets a line saying why it was left out.
 */
export async function collectFiles(paths: string[]): Promise<Collected> {
  const collected: Collected = { files: [], skipped: 0, missing: [], links: [] };
  for (const given of paths) {
    const stat = await fs.stat(given).catch((error: NodeJS.ErrnoException) => error);
    if (stat instanceof Error) {
      collected.missing.push({ path: given, reason: stat.code === 'ENOENT' ? 'No such file or folder.' : stat.message });
    } else if (stat.isDirectory()) {
      const root = path.resolve(given);
      const realRoot = await fs.realpath(root).catch(() => root);
      await walk(root, { root, realRoot, label: path.basename(root) }, collected);
    } else {
      collected.files.push({ path: path.resolve(given), size: stat.size, inFolder: false });
    }
  }
  return collected;
}

interface Walked {
  /** The folder the user named, as named, and as the system resolves it (links in its own path followed). */
  root: string;
  realRoot: string;
  /** How the summary names files of this folder: the folder's name, then the path inside it. */
  label: string;
}

async function walk(dir: string, from: Walked, collected: Collected): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, from, collected);
    else if (entry.isSymbolicLink()) await skipLink(full, from, collected);
    else if (entry.isFile()) {
      if (!canImport(entry.name)) {
        collected.skipped++;
        continue;
      }
      const stat = await fs.lstat(full).catch(() => null);
      if (stat?.isFile()) collected.files.push({ path: full, size: stat.size, inFolder: true });
    }
  }
}

/** Files in other formats stay a count, as for plain files; every other link gets its line. */
async function skipLink(link: string, from: Walked, collected: Collected): Promise<void> {
  const shown = path.join(from.label, path.relative(from.root, link));
  const target = await fs.realpath(link).catch(() => null);
  const stat = target === null ? null : await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) {
    collected.links.push({ path: link, kind: 'folder', reason: linkedFolder(shown) });
  } else if (!canImport(path.basename(link))) {
    collected.skipped++;
  } else if (target === null || stat === null) {
    collected.links.push({ path: link, kind: 'dangling', reason: dangling(shown) });
  } else if (isWithin(from.realRoot, target)) {
    collected.links.push({ path: link, kind: 'inside', reason: inside(shown, path.join(from.label, path.relative(from.realRoot, target))) });
  } else {
    collected.links.push({ path: link, kind: 'outside', reason: outside(shown) });
  }
}

const outside = (shown: string): Bilingual => ({
  en: `${shown} is a link to a file outside the imported folder; Carnet does not follow it, so nothing outside the folder is copied into your vault. To import the file it points to, import that file by itself.`,
  fr: `${shown} est un lien vers un fichier situé hors du dossier importé ; Carnet ne le suit pas, pour que rien d’extérieur au dossier ne soit copié dans votre coffre. Pour importer le fichier vers lequel il pointe, importez ce fichier seul.`,
});

const inside = (shown: string, target: string): Bilingual => ({
  en: `${shown} is a link to ${target}, in the same folder; Carnet does not follow links, so that file is imported once, under its own name.`,
  fr: `${shown} est un lien vers ${target}, dans le même dossier ; Carnet ne suit pas les liens, et ce fichier est donc importé une seule fois, sous son propre nom.`,
});

const dangling = (shown: string): Bilingual => ({
  en: `${shown} is a link to a file that does not exist. Nothing was imported from it; if you expected an article there, import the file itself.`,
  fr: `${shown} est un lien vers un fichier qui n’existe pas. Rien n’en a été importé ; si vous attendiez un article à cet endroit, importez le fichier lui-même.`,
});

const linkedFolder = (shown: string): Bilingual => ({
  en: `${shown} is a link to a folder; Carnet does not follow linked folders (they can lead outside the imported folder, or loop). To import its files, import that folder by itself.`,
  fr: `${shown} est un lien vers un dossier ; Carnet ne suit pas les dossiers liés (ils peuvent mener hors du dossier importé, ou tourner en boucle). Pour importer ses fichiers, importez ce dossier lui-même.`,
});
