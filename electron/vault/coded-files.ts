import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { annotationDoc, codebookDoc, serialize, type AnnotationDoc, type CodebookDoc, type JsonObject } from '../annotations/coded-docs.ts';
import type { VaultCore } from './vault-core.ts';
import { writeFileSet, type FileSetPlan } from './vault-file-set.ts';
import { classifyVaultPath, readVaultFile } from './vault-files.ts';
import { annotationFileSchema, codebookSchema, describeIssues } from './vault-schemas.ts';

/**
 * Reading the codebook and annotation files for a change that spans them, and writing it as one.
 * They are read from disk, not from the index, so that what is rewritten is exactly what was
 * checked; a file that cannot be read (a problem) stops the change before anything is written.
 */

/** A file as read: its text and revision are what the file set checks before writing over it. */
export interface Read<T> {
  doc: T;
  text: string | null;
  revision: string | null;
}

export async function readCodebook(core: VaultCore, refused: Bilingual): Promise<Read<CodebookDoc>> {
  const read = await readJson(core, 'codebook.json', refused);
  if (read.raw === null) return { doc: codebookDoc({ codes: [] }), text: null, revision: null };
  const parsed = codebookSchema.safeParse(read.raw);
  if (!parsed.success) throw broken('codebook.json', refused, describeIssues(parsed.error));
  return { doc: codebookDoc(read.raw), text: read.text, revision: read.revision };
}

/** Every annotation file of the vault (a code may be on any), or the one of a source; keyed by source id. */
export async function readAnnotationFiles(core: VaultCore, refused: Bilingual, sourceId?: string): Promise<Map<string, Read<AnnotationDoc>>> {
  const { index } = core;
  let paths: string[];
  if (sourceId !== undefined) {
    const slug = index.annotations.get(sourceId)?.slug;
    paths = slug === undefined ? [] : [`annotations/${slug}.json`];
  } else {
    const names = await fs.readdir(path.join(core.root, 'annotations')).catch(() => [] as string[]);
    const known = [...index.annotations.values()].map((r) => `annotations/${r.slug}.json`);
    paths = [...new Set([...known, ...names.map((n) => `annotations/${n}`)])].filter((p) => classifyVaultPath(p)?.kind === 'annotations').sort();
  }
  const docs = new Map<string, Read<AnnotationDoc>>();
  for (const relative of paths) {
    const read = await readJson(core, relative, refused);
    if (read.raw === null) continue;
    const parsed = annotationFileSchema.safeParse(read.raw);
    if (!parsed.success) throw broken(relative, refused, describeIssues(parsed.error));
    docs.set(parsed.data.source, { doc: annotationDoc(relative, read.raw), text: read.text, revision: read.revision });
  }
  return docs;
}

/** Writes the files whose content changed, all or none (vault-file-set.ts), then reads them back so listeners hear of it. */
export async function commit(core: VaultCore, refused: Bilingual, changes: { read: Pick<Read<unknown>, 'text' | 'revision'>; path: string; raw: JsonObject }[]): Promise<void> {
  const writes: FileSetPlan['writes'] = [];
  for (const { read, path: relative, raw } of changes) {
    const content = serialize(raw);
    if (content !== read.text) writes.push({ path: relative, before: read.revision, previous: read.text, content });
  }
  if (writes.length === 0) return;
  if (writes.some((w) => w.path.startsWith('annotations/'))) await core.makeFolder('annotations');
  try {
    await writeFileSet(core.root, { writes, removes: [], refused });
  } finally {
    await core.reload(writes.map((w) => w.path));
  }
}

async function readJson(core: VaultCore, relative: string, refused: Bilingual): Promise<{ raw: JsonObject | null; text: string | null; revision: string | null }> {
  const problem = core.index.problems.get(relative);
  if (problem) throw broken(relative, refused, problem.message);
  const read = await readVaultFile(core.root, relative);
  if (!read.ok) {
    if (read.missing) return { raw: null, text: null, revision: null };
    throw broken(relative, refused, read.message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw broken(relative, refused, (error as Error).message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw broken(relative, refused, 'not a JSON object');
  return { raw: raw as JsonObject, text: read.text, revision: read.revision };
}

function broken(relative: string, refused: Bilingual, reason: string | Bilingual): CarnetError {
  const why = typeof reason === 'string' ? { en: reason, fr: reason } : reason;
  return new CarnetError('unreadable', {
    en: `${refused.en}: ${relative} cannot be read (${why.en}), and Carnet never rewrites what it could not read. Fix that file (see Problems), then try again. Nothing was changed.`,
    fr: `${refused.fr} : ${relative} ne peut pas être lu (${why.fr}), et Carnet ne réécrit jamais ce qu’il n’a pas pu lire. Réparez ce fichier (voir Problèmes), puis réessayez. Rien n’a été modifié.`,
  });
}
