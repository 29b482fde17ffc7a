import fs from 'node:fs/promises';
import path from 'node:path';
import { canImport } from './import-document.ts';

export interface FoundFile {
  path: string;
  size: number;
}

export interface Collected {
  files: FoundFile[];
  /** Files inside folders in formats Carnet does not import (images, office files…), by count. */
  skipped: number;
  /** Paths that could not be read at all, with the reason. */
  missing: { path: string; reason: string }[];
}

/**
 * The files to import from what the user named: files as given (whatever their format, so an
 * unsupported one gets its own line in the summary), folders walked recursively for the formats
 * Carnet reads. Hidden files and folders are left out; linked folders are not followed (no loops).
 */
export async function collectFiles(paths: string[]): Promise<Collected> {
  const collected: Collected = { files: [], skipped: 0, missing: [] };
  for (const given of paths) {
    const stat = await fs.stat(given).catch((error: NodeJS.ErrnoException) => error);
    if (stat instanceof Error) {
      collected.missing.push({ path: given, reason: stat.code === 'ENOENT' ? 'No such file or folder.' : stat.message });
    } else if (stat.isDirectory()) {
      await walk(path.resolve(given), collected);
    } else {
      collected.files.push({ path: path.resolve(given), size: stat.size });
    }
  }
  return collected;
}

async function walk(dir: string, collected: Collected): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, collected);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      if (!canImport(entry.name)) {
        collected.skipped++;
        continue;
      }
      const stat = await fs.stat(full).catch(() => null);
      if (stat?.isFile()) collected.files.push({ path: full, size: stat.size });
    }
  }
}
