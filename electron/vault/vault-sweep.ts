import fs from 'node:fs/promises';
import path from 'node:path';
import { isTemporaryName } from './atomic-write.ts';

/**
 * Temporary files a crash left in the folders Carnet writes (`<file>.carnet-tmp-<12 hex>`): they
 * never replaced the real file, and removing them at open keeps the vault tidy for the user who
 * browses it by hand. Only that exact mark is swept, beside a real file of the same name or not,
 * and never through a link: a user's `chapter.md.20240312` is theirs, whatever it looks like.
 */

// A note's history folder is tidied when a version is next kept there (note-history.ts), not here:
// reading every note's history at each open would grow with the vault.
const FOLDERS = ['', 'sources', 'sources/originals', 'notes', 'annotations', '.carnet', '.carnet/index', '.carnet/pending', '.carnet/trash'];

export async function sweepTemporaryFiles(root: string): Promise<string[]> {
  const removed: string[] = [];
  // Links in the trash are not followed: an entry linked elsewhere would sweep a folder not ours.
  const children = await fs.readdir(path.join(root, '.carnet/trash'), { withFileTypes: true }).catch(() => []);
  const entries = children.filter((entry) => entry.isDirectory()).map((entry) => `.carnet/trash/${entry.name}`);
  for (const folder of [...FOLDERS, ...entries]) {
    const absolute = path.join(root, folder);
    const stat = await fs.lstat(absolute).catch(() => null);
    if (!stat?.isDirectory()) continue;
    for (const entry of await fs.readdir(absolute, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile() || !isTemporaryName(entry.name)) continue;
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      await fs.rm(path.join(root, relative), { force: true }).catch(() => undefined);
      removed.push(relative);
    }
  }
  return removed;
}
