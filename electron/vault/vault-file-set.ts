import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { assertInside, atomicWrite, syncFolder } from './atomic-write.ts';
import { readVaultFile, revisionOf } from './vault-files.ts';
import { PENDING_DIR, beginPending } from './vault-pending.ts';
import { resolveInVault } from './vault-paths.ts';

/**
 * Several files changed as one (a note renamed and the links to it rewritten in other notes; a code
 * merged or deleted, in the codebook and every annotation file that used it):
 * after a crash, either none of them changed or all did. The new contents are staged in
 * `.carnet/pending/<id>/` first; the record `<id>.json` naming each file's revision before and after
 * is the commit point. With no record, the staged files are dropped at the next open and nothing in
 * notes/ was touched; with one, the next open finishes the change: each file still at its "before"
 * revision gets its staged content, then the files to remove go, if every file reached its "after".
 */

/** Only notes, annotation files and the codebook: a record planted by hand cannot make Carnet write anywhere else. */
const setPath = z.string().regex(/^(?:notes\/(?!\.)[^/\\]+\.md|annotations\/(?!\.)[^/\\]+\.json|codebook\.json)$/);
const revision = z.string().regex(/^[0-9a-f]{16}$/);

const fileSetSchema = z.object({
  kind: z.literal('file-set'),
  writes: z.array(z.object({ path: setPath, before: revision.nullable(), after: revision })),
  removes: z.array(z.object({ path: setPath, before: revision })),
});
type FileSetRecord = z.infer<typeof fileSetSchema>;

export interface FileSetPlan {
  /** `before`: the revision checked on disk, null for a new file; `previous`: that version's text, to put back if the change fails. */
  writes: { path: string; before: string | null; previous: string | null; content: string }[];
  removes: { path: string; before: string }[];
  /** How a refusal starts ("Did not merge the codes"); a rename's by default. */
  refused?: Bilingual;
}

export async function writeFileSet(root: string, plan: FileSetPlan): Promise<void> {
  const id = randomUUID();
  const staged = path.join(root, PENDING_DIR, id);
  await fs.mkdir(staged, { recursive: true });
  await assertInside(root, staged, '.carnet/pending');
  for (const [i, write] of plan.writes.entries()) await atomicWrite(path.join(staged, `${i}.md`), write.content, { within: root, label: '.carnet/pending' });
  const record: FileSetRecord = { kind: 'file-set', writes: plan.writes.map((w) => ({ path: w.path, before: w.before, after: revisionOf(w.content) })), removes: plan.removes };
  const done = await beginPending(root, record, id);
  try {
    const blocked = await settle(root, id, record);
    if (blocked) throw changedMeanwhile(blocked, plan.refused);
  } catch (error) {
    // Still running: put back what was written. If even that fails, the record stays and the next open finishes the change.
    if (!(await revert(root, record, plan).then(() => true, () => false))) throw error;
    await finish(root, id, done);
    throw error;
  }
  await finish(root, id, done);
}

/** Finishes every recorded change a crash interrupted, and drops what was staged for changes never recorded. */
export async function finishFileSets(root: string): Promise<string[]> {
  const dir = path.join(root, PENDING_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const finished: string[] = [];
  for (const id of new Set(names.map((name) => name.replace(/\.json$/, '')).filter((name) => /^[0-9a-f-]{36}$/.test(name)))) {
    const recordFile = path.join(dir, `${id}.json`);
    const raw = parseJson(await fs.readFile(recordFile, 'utf8').catch(() => null));
    const record = fileSetSchema.safeParse(raw);
    const ours = names.includes(id) || (raw as { kind?: unknown } | null)?.kind === 'file-set';
    // Another kind of operation (an import): vault-pending.ts deals with it.
    if (!ours) continue;
    if (record.success) {
      const blocked = await settle(root, id, record.data);
      if (blocked) console.error(`[carnet] an interrupted change could not finish: ${blocked} was changed by hand since; it was left as it is`);
      finished.push(...record.data.writes.map((w) => w.path), ...record.data.removes.map((r) => r.path));
    }
    // With no record, or a torn one, the crash came before any note was touched: only the staged files go.
    await finish(root, id, () => fs.rm(recordFile, { force: true }));
  }
  return finished;
}

/** Brings each file to its "after" revision; returns the first file that holds neither revision, or null when all arrived. */
async function settle(root: string, id: string, record: FileSetRecord): Promise<string | null> {
  for (const [i, write] of record.writes.entries()) {
    const now = await revisionAt(root, write.path);
    if (now === write.after) continue;
    const staged = now === write.before ? await fs.readFile(path.join(root, PENDING_DIR, id, `${i}.md`)).catch(() => null) : null;
    if (!staged || revisionOf(staged) !== write.after) return write.path;
    await atomicWrite(await resolveInVault(root, write.path), staged, { within: root, label: write.path, create: write.before === null });
  }
  for (const remove of record.removes) {
    if ((await revisionAt(root, remove.path)) !== remove.before) continue;
    await fs.rm(await resolveInVault(root, remove.path), { force: true });
    await syncFolder(path.join(root, path.dirname(remove.path)));
  }
  return null;
}

/** Puts back the files that reached their new content: a new file goes, a changed one gets its previous text. */
async function revert(root: string, record: FileSetRecord, plan: FileSetPlan): Promise<void> {
  for (const [i, write] of record.writes.entries()) {
    if ((await revisionAt(root, write.path)) !== write.after) continue;
    const previous = plan.writes[i]?.previous ?? null;
    if (write.before === null) await fs.rm(await resolveInVault(root, write.path), { force: true });
    else if (previous !== null) await atomicWrite(await resolveInVault(root, write.path), previous, { within: root, label: write.path });
  }
}

async function finish(root: string, id: string, done: () => Promise<void>): Promise<void> {
  await fs.rm(path.join(root, PENDING_DIR, id), { recursive: true, force: true });
  await done();
}

/** A file's revision; null when it is missing, 'unreadable' when it cannot be read (never written over). */
async function revisionAt(root: string, relative: string): Promise<string | null> {
  const read = await readVaultFile(root, relative);
  return read.ok ? read.revision : read.missing ? null : 'unreadable';
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function changedMeanwhile(relative: string, refused: Bilingual = { en: 'Did not rename', fr: 'Carnet n’a pas renommé' }): CarnetError {
  return new CarnetError('conflict', {
    en: `${refused.en}: ${relative} changed while Carnet was updating it. Nothing was changed; try again.`,
    fr: `${refused.fr} : ${relative} a changé pendant que Carnet le mettait à jour. Rien n’a été modifié ; réessayez.`,
  });
}
