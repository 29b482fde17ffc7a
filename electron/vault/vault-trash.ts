import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { atomicWrite } from './atomic-write.ts';
import { resolveInVault } from './vault-paths.ts';
import type { ItemKind, TrashEntry } from './vault-records.ts';

/**
 * `.carnet/trash/<entry>/`: the deleted files, moved (not copied) under their vault-relative paths,
 * with a manifest saying what they were. Restoring moves them back and never replaces a file.
 */

const TRASH_DIR = path.join('.carnet', 'trash');

const manifestSchema = z.object({
  id: z.string(),
  kind: z.enum(['source', 'note']),
  title: z.string(),
  deleted: z.string(),
  files: z.array(z.string()),
});

/** Moves the files into a new trash entry (delete), or copies them (keeping a version about to be replaced). */
export async function addToTrash(root: string, kind: ItemKind, title: string, files: string[], mode: 'move' | 'copy'): Promise<TrashEntry> {
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
  const dir = path.join(root, TRASH_DIR, id);
  await fs.mkdir(dir, { recursive: true });
  const entry: TrashEntry = { id, kind, title, deleted: new Date().toISOString(), files: [] };
  // The manifest first: if we crash mid-move, the entry still says what it holds.
  await atomicWrite(path.join(dir, 'manifest.json'), JSON.stringify({ ...entry, files }, null, 2));
  for (const relative of files) {
    const from = await resolveInVault(root, relative);
    const to = path.join(dir, 'files', relative);
    await fs.mkdir(path.dirname(to), { recursive: true });
    try {
      if (mode === 'move') await fs.rename(from, to);
      else await fs.copyFile(from, to);
      entry.files.push(relative);
    } catch (error) {
      if (!isNodeError(error, 'ENOENT')) throw error;
    }
  }
  await atomicWrite(path.join(dir, 'manifest.json'), JSON.stringify(entry, null, 2));
  return entry;
}

export async function listTrash(root: string): Promise<TrashEntry[]> {
  const dir = path.join(root, TRASH_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const entries: TrashEntry[] = [];
  for (const name of names) {
    const entry = await readEntry(root, name).catch(() => null);
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => b.deleted.localeCompare(a.deleted));
}

/** Moves the entry's files back; returns their vault-relative paths. */
export async function restoreFromTrash(root: string, id: string): Promise<string[]> {
  const entry = await readEntry(root, id);
  const dir = path.join(root, TRASH_DIR, id);
  for (const relative of entry.files) {
    const target = await resolveInVault(root, relative);
    if (await exists(target)) {
      throw new CarnetError('conflict', `Cannot restore "${entry.title}": ${relative} exists again in the vault. Move that file away first; nothing was changed.`);
    }
  }
  for (const relative of entry.files) {
    const target = await resolveInVault(root, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(path.join(dir, 'files', relative), target);
  }
  await fs.rm(dir, { recursive: true, force: true });
  return entry.files;
}

async function readEntry(root: string, id: string): Promise<TrashEntry> {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new CarnetError('invalid-input', `"${id}" is not a trash entry.`);
  const file = path.join(root, TRASH_DIR, id, 'manifest.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new CarnetError('not-found', `The trash holds no entry "${id}".`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CarnetError('unreadable', `The trash entry "${id}" has a damaged manifest; its files are still in .carnet/trash/${id}/files.`);
  return parsed.data;
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
