import { CarnetError } from '../core/carnet-error.ts';
import { applyEdits, retitleEdits, type Retitled } from './link-rewrite.ts';
import { resolverFor } from './note-analysis.ts';
import type { NoteHistory } from './note-history.ts';
import type { VaultCore } from './vault-core.ts';
import { writeFileSet, type FileSetPlan } from './vault-file-set.ts';
import { readVaultFile, revisionOf } from './vault-files.ts';
import type { NoteRecord } from './vault-index.ts';
import type { VaultChange } from './vault-records.ts';

/**
 * A save that changes a note's title: the file follows the title (`notes/<new slug>.md`) and the
 * other notes' links to it follow too, all as one change that a crash either finishes or never
 * starts (vault-file-set.ts). Each rewritten note's previous version goes to its history first.
 */

export interface RetitlePlan {
  record: NoteRecord;
  /** The note's new file content, and the text it replaces (as just checked on disk). */
  text: string;
  previous: string;
  title: string;
  /** The new slug, free in the vault (the same as the old one when the title gives the same file name). */
  slug: string;
}

/** The caller holds the write queue and has kept the note's previous version in its history. */
export async function saveRetitled(core: VaultCore, history: NoteHistory, plan: RetitlePlan): Promise<void> {
  const { record } = plan;
  const from = `notes/${record.slug}.md`;
  const to = `notes/${plan.slug}.md`;
  const change: Retitled = { id: record.meta.id, from: { title: record.meta.title, slug: record.slug }, to: { title: plan.title, slug: plan.slug } };
  const rewrites = await linkRewrites(core, change);
  if (from === to && rewrites.length === 0) return core.writeTracked(to, plan.text);
  for (const rewrite of rewrites) await history.keep(rewrite.id, rewrite.previous);
  const checked = revisionOf(plan.previous);
  const own = from === to ? { path: to, before: checked, previous: plan.previous, content: plan.text } : { path: to, before: null, previous: null, content: plan.text };
  const set: FileSetPlan = {
    writes: [own, ...rewrites.map((r) => ({ path: r.path, before: r.revision, previous: r.previous, content: r.next }))],
    removes: from === to ? [] : [{ path: from, before: checked }],
  };
  try {
    await writeFileSet(core.root, set);
  } finally {
    // The old file first, so that the new one, holding the same id, is not taken for a duplicate.
    await reloadAsOne(core, [from, to, ...rewrites.map((r) => r.path)]);
  }
  const problem = core.index.problems.get(to);
  if (problem) throw new CarnetError('io', { en: `Saved ${to}, but it does not read back: ${problem.message.en}`, fr: `${to} a été enregistré, mais ne se relit pas : ${problem.message.fr}` });
}

interface Rewrite {
  id: string;
  path: string;
  revision: string;
  previous: string;
  next: string;
}

/** The other notes whose links must follow, with their new text; read from disk, never from a stale index. */
async function linkRewrites(core: VaultCore, change: Retitled): Promise<Rewrite[]> {
  const resolver = resolverFor(core.index.notes);
  const rewrites: Rewrite[] = [];
  for (const other of [...core.index.notes.values()]) {
    if (other.meta.id === change.id || retitleEdits(other, resolver, change).length === 0) continue;
    const path = `notes/${other.slug}.md`;
    const disk = await readVaultFile(core.root, path);
    // A note that cannot be read is never written; one gone since is nothing to rewrite.
    if (!disk.ok) continue;
    let record: NoteRecord | undefined = other;
    if (disk.revision !== other.revision) {
      // Changed by hand, and the watcher has not brought it in yet: rewrite what the file holds now.
      await core.reload([path]);
      record = core.index.notes.get(other.meta.id);
      if (record?.revision !== disk.revision || record.slug !== other.slug) continue;
    }
    const edits = retitleEdits(record, resolver, change);
    if (edits.length === 0) continue;
    // The body is the end of the file: the front matter before it is kept byte for byte.
    const head = disk.text.slice(0, disk.text.length - record.body.length);
    rewrites.push({ id: other.meta.id, path, revision: disk.revision, previous: disk.text, next: head + applyEdits(record.body, edits) });
  }
  return rewrites;
}

/** Reloads the files and reports a note whose file moved as updated, not as removed and added. */
async function reloadAsOne(core: VaultCore, relatives: string[]): Promise<void> {
  const changes: VaultChange[] = [];
  for (const relative of new Set(relatives)) changes.push(...(await core.index.load(relative)));
  const added = new Set(changes.filter((c) => c.kind === 'note' && c.change === 'added').map((c) => c.id));
  const moved = new Set(changes.filter((c) => c.kind === 'note' && c.change === 'removed' && added.has(c.id)).map((c) => c.id));
  const merged = changes.filter((c) => !(c.kind === 'note' && moved.has(c.id) && c.change === 'removed'));
  core.emit(merged.map((c) => (c.kind === 'note' && moved.has(c.id) && c.change === 'added' ? { ...c, change: 'updated' as const } : c)));
}
