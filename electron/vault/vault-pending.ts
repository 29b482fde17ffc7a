import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { assertInside, syncFolder } from './atomic-write.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { isWithin } from './vault-paths.ts';

/**
 * An intent log for operations that write several files, so that each either completes or leaves
 * nothing behind. Before the first file is written, `.carnet/pending/<id>.json` names the file
 * whose appearance commits the operation (written last, by an atomic rename) and the files written
 * before it. A crash before the commit leaves those files as orphans: the next open removes them.
 * Changes to several existing files (a note renamed, with the links to it) are recorded here too,
 * with `kind: "file-set"`: those are finished rather than undone (vault-file-set.ts).
 */

export const PENDING_DIR = path.join('.carnet', 'pending');

const pendingSchema = z.object({
  commit: z.string(),
  created: z.array(z.string()),
});
export type PendingOperation = z.infer<typeof pendingSchema>;

/** Files an interrupted operation may have written: only inside these folders, never a user's file. */
const REMOVABLE = /^sources\/originals\/[^/\\]+$/;

/** Records the operation (as `<id>.json`); the returned function marks it complete. */
export async function beginPending(root: string, operation: PendingOperation | { kind: 'file-set' }, id: string = randomUUID()): Promise<() => Promise<void>> {
  const dir = path.join(root, PENDING_DIR);
  await fs.mkdir(dir, { recursive: true });
  await assertInside(root, dir, '.carnet/pending');
  const file = path.join(dir, `${id}.json`);
  // A new file of its own, so no temporary file and rename: a record torn by a crash means the
  // crash came before the first file of the operation, so there is nothing to undo.
  const handle = await fs.open(file, 'wx').catch((error: unknown) => Promise.reject(fileSystemError(error, '.carnet/pending')));
  try {
    await handle.writeFile(JSON.stringify(operation));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw fileSystemError(error, '.carnet/pending');
  }
  await handle.close();
  await syncFolder(dir);
  // Removing the record needs no flush: if a power cut undoes the removal, the committed file is there and the record is dropped at the next open.
  return () => fs.rm(file, { force: true });
}

/** Rolls back what interrupted operations left; returns the vault-relative paths removed. */
export async function rollBackPending(root: string): Promise<string[]> {
  const dir = path.join(root, PENDING_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    const raw = await fs.readFile(file, 'utf8').then((text): unknown => JSON.parse(text), () => null).catch(() => null);
    // A change of several files is finished by vault-file-set.ts, before this runs: never taken here for a torn import record.
    if (typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'file-set') continue;
    const operation = pendingSchema.safeParse(raw);
    // A record that does not parse was torn by a crash while it was written, before any file of its operation.
    if (!operation.success) {
      await fs.rm(file, { force: true });
      continue;
    }
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
