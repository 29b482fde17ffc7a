import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { trashRecordSchema, type TrashRecord } from '../annotations/code-records.ts';
import { atomicWrite } from './atomic-write.ts';
import { RECORD_KINDS, TRASH_DIR, readEntry, writeManifest } from './vault-trash.ts';
import type { TrashEntry } from './vault-records.ts';

/**
 * Trash entries for what has no file of its own (an annotation, a code): `record.json` beside the
 * manifest holds it, and restoring writes it back into the files it came from. The record is
 * written before the manifest, so an entry that lists is an entry that can be restored.
 */

export async function addRecordToTrash(root: string, kind: 'annotation' | 'code', title: string, record: TrashRecord): Promise<TrashEntry> {
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
  const dir = path.join(root, TRASH_DIR, id);
  const entry: TrashEntry = { id, kind, title, deleted: new Date().toISOString(), files: [] };
  try {
    await fs.mkdir(dir, { recursive: true });
    await atomicWrite(path.join(dir, 'record.json'), JSON.stringify(record, null, 2), { within: root, label: '.carnet/trash' });
    await writeManifest(root, dir, { ...entry, state: 'done' });
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw fileSystemError(error, `.carnet/trash/${id}`);
  }
  return entry;
}

/** The record an entry holds, or null when the entry holds files (a note, a source). */
export async function readTrashRecord(root: string, id: string): Promise<{ entry: TrashEntry; record: TrashRecord } | null> {
  const manifest = await readEntry(root, id);
  if (!RECORD_KINDS.includes(manifest.kind)) return null;
  const { kind, title, deleted, files } = manifest;
  const text = await fs.readFile(path.join(root, TRASH_DIR, id, 'record.json'), 'utf8').catch(() => null);
  let raw: unknown = null;
  try {
    raw = text === null ? null : JSON.parse(text);
  } catch {
    // Reported below as damaged.
  }
  const parsed = trashRecordSchema.safeParse(raw);
  if (!parsed.success || parsed.data.type !== kind) {
    throw new CarnetError('unreadable', {
      en: `The trash entry "${title}" has a damaged record (.carnet/trash/${id}/record.json), so it cannot be restored. It was left as it is.`,
      fr: `L’élément « ${title} » de la corbeille a un enregistrement abîmé (.carnet/trash/${id}/record.json) : il ne peut pas être restauré. Il a été laissé tel quel.`,
    });
  }
  return { entry: { id, kind, title, deleted, files }, record: parsed.data };
}

/** Drops an entry once restored (or when the delete it recorded did not happen). */
export async function dropTrashEntry(root: string, id: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return;
  await fs.rm(path.join(root, TRASH_DIR, id), { recursive: true, force: true });
}
