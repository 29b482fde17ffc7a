import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { atomicWrite } from './atomic-write.ts';
import { isWithin, resolveInVault } from './vault-paths.ts';
import type { ItemKind, TrashEntry } from './vault-records.ts';

/**
 * `.carnet/trash/<entry>/`: the deleted files, moved (not copied) under their vault-relative paths,
 * with a manifest saying what they were. Restoring moves them back and never replaces a file.
 * A move of several files either completes or is undone at the next open: the manifest says
 * "moving" until the last file is in, and an entry still moving is moved back.
 */

export const TRASH_DIR = path.join('.carnet', 'trash');

/** Kinds whose entry holds a record (`record.json`, see trash-records.ts) instead of moved files. */
export const RECORD_KINDS: readonly string[] = ['annotation', 'code'];

const manifestSchema = z.object({
  id: z.string(),
  kind: z.enum(['source', 'note', 'annotation', 'code']),
  title: z.string(),
  deleted: z.string(),
  files: z.array(z.string()),
  /** Absent in entries written before moves were undoable: those are complete. */
  state: z.enum(['moving', 'done']).optional(),
});

/** The files Carnet itself writes, the only ones a delete may move: never carnet.json, a folder or a link. */
const TRASHABLE = /^(?:notes\/[^/\\]+\.md|sources\/[^/\\]+\.md|annotations\/[^/\\]+\.json|sources\/originals\/[^/\\]+)$/;

export function isTrashable(relative: string): boolean {
  return TRASHABLE.test(relative) && !relative.split('/').some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'));
}

/** Moves the files into a new trash entry (delete), or copies them (keeping a version about to be replaced). */
export async function addToTrash(root: string, kind: ItemKind, title: string, files: string[], mode: 'move' | 'copy'): Promise<TrashEntry> {
  // Every path checked before any file moves: a hand-edited path cannot make a delete half-happen.
  const present: { relative: string; from: string }[] = [];
  for (const relative of files) {
    if (!isTrashable(relative)) throw notTrashable(relative);
    const from = await resolveInVault(root, relative);
    const stat = await fs.lstat(from).catch((error: unknown) => (isNodeError(error, 'ENOENT') ? null : Promise.reject(fileSystemError(error, relative))));
    if (stat === null) continue;
    if (!stat.isFile()) throw notTrashable(relative);
    present.push({ relative, from });
  }
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
  const dir = path.join(root, TRASH_DIR, id);
  const entry: TrashEntry = { id, kind, title, deleted: new Date().toISOString(), files: present.map((p) => p.relative) };
  try {
    await fs.mkdir(path.join(dir, 'files'), { recursive: true });
    // The manifest first: if we crash mid-move, the next open knows what to move back.
    await writeManifest(root, dir, { ...entry, state: mode === 'move' ? 'moving' : 'done' });
    for (const { relative, from } of present) {
      const to = path.join(dir, 'files', relative);
      await fs.mkdir(path.dirname(to), { recursive: true });
      if (mode === 'move') await fs.rename(from, to);
      else await fs.copyFile(from, to);
    }
    if (mode === 'move') await writeManifest(root, dir, { ...entry, state: 'done' });
  } catch (error) {
    await undoEntry(root, id).catch(() => undefined);
    throw fileSystemError(error, `.carnet/trash/${id}`);
  }
  return entry;
}

export async function listTrash(root: string): Promise<TrashEntry[]> {
  const dir = path.join(root, TRASH_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const entries: TrashEntry[] = [];
  for (const name of names) {
    const entry = await readEntry(root, name).catch(() => null);
    if (entry && entry.state !== 'moving') entries.push(publicEntry(entry));
  }
  return entries.sort((a, b) => b.deleted.localeCompare(a.deleted));
}

/** Moves back the files of deletes a crash interrupted; returns their vault-relative paths. */
export async function undoInterruptedMoves(root: string): Promise<string[]> {
  const names = await fs.readdir(path.join(root, TRASH_DIR)).catch(() => [] as string[]);
  const restored: string[] = [];
  for (const name of names) {
    const entry = await readEntry(root, name).catch(() => null);
    if (entry?.state === 'moving') restored.push(...(await undoEntry(root, name)));
  }
  return restored;
}

/** Moves the entry's files back; returns their vault-relative paths. */
export async function restoreFromTrash(root: string, id: string): Promise<string[]> {
  const entry = await readEntry(root, id);
  const dir = path.join(root, TRASH_DIR, id);
  // A record is put back into its files by trash-records.ts; dropping its entry here would lose it.
  if (RECORD_KINDS.includes(entry.kind)) throw new CarnetError('invalid-input', { en: `"${entry.title}" is not a file to move back.`, fr: `« ${entry.title} » n’est pas un fichier à remettre en place.` });
  for (const relative of entry.files) {
    if (!isTrashable(relative)) throw notTrashable(relative);
    if (!(await heldFile(root, id, relative))) throw notTrashable(relative);
    const target = await resolveInVault(root, relative);
    if (await exists(target)) {
      throw new CarnetError('conflict', {
        en: `Cannot restore "${entry.title}": ${relative} exists again in the vault. Move that file away first; nothing was changed.`,
        fr: `Impossible de restaurer « ${entry.title} » : ${relative} existe de nouveau dans le coffre. Déplacez d’abord ce fichier ; rien n’a été modifié.`,
      });
    }
  }
  const moved: string[] = [];
  try {
    for (const relative of entry.files) {
      const target = await resolveInVault(root, relative);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(path.join(dir, 'files', relative), target);
      moved.push(relative);
    }
  } catch (error) {
    // Put back into the trash what had left it: the entry stays whole.
    for (const relative of moved) await fs.rename(path.join(root, relative), path.join(dir, 'files', relative)).catch(() => undefined);
    throw fileSystemError(error, firstFile(entry));
  }
  await fs.rm(dir, { recursive: true, force: true });
  return entry.files;
}

/** Moves back what an entry holds, where the vault has no file of that name; drops the entry when empty. */
async function undoEntry(root: string, id: string): Promise<string[]> {
  const dir = path.join(root, TRASH_DIR, id);
  const entry = await readEntry(root, id).catch(() => null);
  const back: string[] = [];
  const stillHeld: string[] = [];
  for (const relative of entry?.files ?? []) {
    if (!isTrashable(relative)) continue;
    const held = await heldFile(root, id, relative);
    if (!held) continue;
    const target = await resolveInVault(root, relative).catch(() => null);
    if (!target || (await exists(target))) {
      stillHeld.push(relative);
      continue;
    }
    await fs.rename(held, target);
    back.push(relative);
  }
  if (stillHeld.length === 0) await fs.rm(dir, { recursive: true, force: true });
  // What could not go back stays in the trash, and the entry names only that, so it can be restored later.
  else if (entry) await writeManifest(root, dir, { ...entry, files: stillHeld, state: 'done' });
  return back;
}

export async function writeManifest(root: string, dir: string, manifest: z.infer<typeof manifestSchema>): Promise<void> {
  await atomicWrite(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2), { within: root, label: '.carnet/trash' });
}

export async function readEntry(root: string, id: string): Promise<z.infer<typeof manifestSchema>> {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) {
    throw new CarnetError('invalid-input', { en: `"${id}" is not a trash entry.`, fr: `« ${id} » n’est pas un élément de la corbeille.` });
  }
  const file = path.join(root, TRASH_DIR, id, 'manifest.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new CarnetError('not-found', { en: `The trash holds no entry "${id}".`, fr: `La corbeille ne contient aucun élément « ${id} ».` });
  }
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    // Reported below as damaged.
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CarnetError('unreadable', {
      en: `The trash entry "${id}" has a damaged manifest; its files are still in .carnet/trash/${id}/files.`,
      fr: `L’élément « ${id} » de la corbeille a un manifeste abîmé ; ses fichiers sont toujours dans .carnet/trash/${id}/files.`,
    });
  }
  return parsed.data;
}

/**
 * A file the entry really holds: a regular file whose real path lies inside the entry's folder.
 * A link planted in a synced or copied trash could otherwise move a file from anywhere into the vault.
 */
async function heldFile(root: string, id: string, relative: string): Promise<string | null> {
  const dir = path.join(root, TRASH_DIR, id);
  const held = path.join(dir, 'files', relative);
  const [entryStat, stat] = await Promise.all([fs.lstat(dir).catch(() => null), fs.lstat(held).catch(() => null)]);
  if (!entryStat?.isDirectory() || !stat?.isFile()) return null;
  const [realDir, realHeld] = await Promise.all([fs.realpath(dir).catch(() => null), fs.realpath(held).catch(() => null)]);
  return realDir && realHeld && isWithin(realDir, realHeld) ? held : null;
}

function publicEntry(entry: z.infer<typeof manifestSchema>): TrashEntry {
  const { id, kind, title, deleted, files } = entry;
  return { id, kind, title, deleted, files };
}

function firstFile(entry: TrashEntry): string {
  return entry.files[0] ?? entry.title;
}

function notTrashable(relative: string): CarnetError {
  return new CarnetError('invalid-input', {
    en: `Refused to move "${relative.slice(0, 200)}" to the trash: it is not a note, source, original or annotation file of this vault. Nothing was moved.`,
    fr: `« ${relative.slice(0, 200)} » n’a pas été mis à la corbeille : ce n’est pas une note, une source, un original ou un fichier d’annotations de ce coffre. Rien n’a été déplacé.`,
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
