import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { atomicWrite, syncFolder } from './atomic-write.ts';
import { isWithin } from './vault-paths.ts';

/**
 * An intent log for operations that write several files, so that each either completes or leaves
 * nothing behind. Before the first file is written, `.carnet/pending/<id>.json` names the file
 * whose appearance commits the operation (written last, by an atomic rename) and the files written
 * before it. A crash before the commit leaves those files as orphans: the next open removes them.
 */

const PENDING_DIR = path.join('.carnet', 'pending');

const pendingSchema = z.object({
  commit: z.string(),
  created: z.array(z.string()),
});
export type PendingOperation = z.infer<typeof pendingSchema>;

/** Files an interrupted operation may have written: only inside these folders, never a user's file. */
const REMOVABLE = /^sources\/originals\/[^/\\]+$/;

/** Records the operation; the returned function marks it complete. */
export async function beginPending(root: string, operation: PendingOperation): Promise<() => Promise<void>> {
  const dir = path.join(root, PENDING_DIR);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.json`);
  await atomicWrite(file, JSON.stringify(operation), { within: root, label: '.carnet/pending' });
  return async () => {
    await fs.rm(file, { force: true });
    await syncFolder(dir);
  };
}

/** Rolls back what interrupted operations left; returns the vault-relative paths removed. */
export async function rollBackPending(root: string): Promise<string[]> {
  const dir = path.join(root, PENDING_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    const operation = await fs.readFile(file, 'utf8').then((text) => pendingSchema.safeParse(JSON.parse(text)), () => null).catch(() => null);
    // A record we cannot read names nothing we could safely remove: leave the vault as it is.
    if (!operation?.success) continue;
    const committed = await fs.lstat(path.join(root, operation.data.commit)).then(() => true, () => false);
    if (!committed) {
      for (const relative of operation.data.created) {
        if (!REMOVABLE.test(relative)) continue;
        const absolute = path.resolve(root, relative);
        if (!isWithin(path.resolve(root), absolute)) continue;
        const stat = await fs.lstat(absolute).catch(() => null);
        if (!stat?.isFile()) continue;
        await fs.rm(absolute, { force: true });
        removed.push(relative);
      }
    }
    await fs.rm(file, { force: true });
  }
  return removed;
}
