import fs from 'node:fs/promises';
import path from 'node:path';
import { isTemporaryName } from './atomic-write.ts';

/**
 * Temporary files a crash left in the vault's own folders: ours (`.carnet-tmp-`), or the
 * `<file>.md.<hex>` of write-file-atomic, which earlier Carnets used. They never replaced the real
 * file; removing them at open keeps the vault tidy for the user who browses it by hand.
 */

const FOLDERS = ['', 'sources', 'sources/originals', 'notes', 'annotations', 'attachments', '.carnet', '.carnet/index', '.carnet/pending'];
const LEGACY_TEMP = /^[^.][^/]*\.(?:md|json)\.[0-9a-f]{6,8}$/;

export async function sweepTemporaryFiles(root: string): Promise<string[]> {
  const removed: string[] = [];
  const trashEntries = await fs.readdir(path.join(root, '.carnet', 'trash')).catch(() => [] as string[]);
  for (const folder of [...FOLDERS, ...trashEntries.map((entry) => `.carnet/trash/${entry}`)]) {
    const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      if (!isTemporaryName(entry.name) && !(folder !== 'sources/originals' && LEGACY_TEMP.test(entry.name))) continue;
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      await fs.rm(path.join(root, relative), { force: true }).catch(() => undefined);
      removed.push(relative);
    }
  }
  return removed;
}
