import type { z } from 'zod';
import { parseFrontMatter, FrontMatterError } from './front-matter.ts';
import { classifyVaultPath, readVaultFile, type ClassifiedPath, type ReadOutcome } from './vault-files.ts';
import {
  annotationFileSchema,
  codebookSchema,
  describeIssues,
  noteMetaSchema,
  sourceMetaSchema,
  type AnnotationFile,
  type Codebook,
  type NoteMeta,
  type SourceMeta,
} from './vault-schemas.ts';
import type { Problem, VaultChange } from './vault-records.ts';
import type { Bilingual } from '../core/carnet-error.ts';
import { plainDetail } from '../core/fs-errors.ts';

/**
 * The in-memory picture of a vault's files, kept in step with the disk one file at a time.
 * Reading a file either replaces its record or records a problem; a file that cannot be
 * read leaves no record, so nothing ever writes over it.
 */

/** `frontMatter` is the file's whole front matter as read, so that keys Carnet does not know survive a save. */
export interface SourceRecord { slug: string; meta: SourceMeta; frontMatter: Record<string, unknown>; body: string; revision: string }
/** `bodyLine`: the file's line (1-based) where the body starts, so that places in the body can be named as lines of the file. */
export interface NoteRecord { slug: string; meta: NoteMeta; frontMatter: Record<string, unknown>; body: string; bodyLine: number; revision: string }
export interface AnnotationRecord { slug: string; data: AnnotationFile; revision: string }

export class VaultIndex {
  readonly sources = new Map<string, SourceRecord>();
  readonly notes = new Map<string, NoteRecord>();
  /** Keyed by source id. */
  readonly annotations = new Map<string, AnnotationRecord>();
  codebook: { data: Codebook; revision: string | null } = { data: { codes: [] }, revision: null };
  readonly problems = new Map<string, Problem>();

  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** (Re)reads one vault-relative file and returns what changed, for the UI's events. */
  async load(relative: string): Promise<VaultChange[]> {
    const classified = classifyVaultPath(relative);
    if (!classified) return [];
    // carnet.json holds the vault's settings: a change there (by hand, or from another window) is told, not parsed here.
    if (classified.kind === 'manifest') return [{ kind: 'settings', id: '', change: 'updated' }];
    const read = await readVaultFile(this.root, relative).catch((error: unknown): ReadOutcome => ({
      ok: false,
      missing: false,
      message: cannotRead(error),
    }));
    const hadProblem = this.problems.delete(relative);
    const changes: VaultChange[] = [];
    if (!read.ok) {
      changes.push(...this.forget(classified));
      if (!read.missing) this.problems.set(relative, { path: relative, message: read.message });
    } else {
      let message: Bilingual | null;
      try {
        message = this.apply(classified, read.text, read.revision, changes);
      } catch (error) {
        // Whatever one file throws (a YAML alias bomb, a parser's stack overflow), only that file is unreadable.
        message = cannotRead(error);
      }
      if (message) {
        changes.push(...this.forget(classified));
        this.problems.set(relative, { path: relative, message });
      }
    }
    if (hadProblem || this.problems.has(relative)) changes.push({ kind: 'problems', id: '', change: 'updated' });
    return changes;
  }

  /** Returns a problem message, or null when the file was taken in. */
  private apply(at: ClassifiedPath, text: string, revision: string, changes: VaultChange[]): Bilingual | null {
    switch (at.kind) {
      case 'source':
      case 'note': {
        let parsed;
        try {
          parsed = parseFrontMatter(text);
        } catch (error) {
          if (error instanceof FrontMatterError) return error.text;
          throw error;
        }
        const schema: z.ZodType<SourceMeta | NoteMeta> = at.kind === 'source' ? sourceMetaSchema : noteMetaSchema;
        const meta = schema.safeParse(parsed.data);
        if (!meta.success) {
          const issues = describeIssues(meta.error);
          return { en: `The front matter is incomplete or wrong: ${issues}. Correct it in a text editor.`, fr: `L’en-tête est incomplet ou faux : ${issues}. Corrigez-le dans un éditeur de texte.` };
        }
        const map: Map<string, SourceRecord | NoteRecord> = at.kind === 'source' ? this.sources : this.notes;
        const existing = map.get(meta.data.id);
        if (existing && existing.slug !== at.slug) {
          const other = `${at.kind === 'source' ? 'sources' : 'notes'}/${existing.slug}.md`;
          return {
            en: `Its id "${meta.data.id}" is already used by ${other}. Give one of them a new id.`,
            fr: `Son identifiant « ${meta.data.id} » est déjà celui de ${other}. Donnez un nouvel identifiant à l’un des deux.`,
          };
        }
        if (existing?.revision === revision) return null;
        // A hand edit may have changed the id inside a file: drop the record the file held before.
        changes.push(...this.forget(at, meta.data.id));
        const frontMatter = parsed.data as Record<string, unknown>;
        const bodyLine = text.slice(0, text.length - parsed.body.length).split('\n').length;
        map.set(meta.data.id, { slug: at.slug, meta: meta.data, frontMatter, body: parsed.body, bodyLine, revision } as SourceRecord & NoteRecord);
        changes.push({ kind: at.kind, id: meta.data.id, change: existing ? 'updated' : 'added' });
        return null;
      }
      case 'annotations': {
        const data = parseJson(text, annotationFileSchema);
        if (isProblem(data)) return data;
        const existing = this.annotations.get(data.source);
        if (existing && existing.slug !== at.slug) {
          return {
            en: `It holds the annotations of source "${data.source}", which annotations/${existing.slug}.json holds already. Merge the two files, or remove one.`,
            fr: `Il contient les annotations de la source « ${data.source} », déjà dans annotations/${existing.slug}.json. Fusionnez les deux fichiers, ou retirez-en un.`,
          };
        }
        if (existing?.revision === revision) return null;
        changes.push(...this.forget(at, data.source));
        this.annotations.set(data.source, { slug: at.slug, data, revision });
        changes.push({ kind: 'annotations', id: data.source, change: existing ? 'updated' : 'added' });
        return null;
      }
      case 'codebook': {
        const data = parseJson(text, codebookSchema);
        if (isProblem(data)) return data;
        if (this.codebook.revision === revision) return null;
        this.codebook = { data, revision };
        changes.push({ kind: 'codebook', id: '', change: 'updated' });
        return null;
      }
      case 'manifest':
        return null;
    }
  }

  /** Drops the record a file held, unless it now holds `keepId`. */
  private forget(at: ClassifiedPath, keepId?: string): VaultChange[] {
    if (at.kind === 'codebook') {
      if (this.codebook.revision === null) return [];
      this.codebook = { data: { codes: [] }, revision: null };
      return [{ kind: 'codebook', id: '', change: 'updated' }];
    }
    const kind = at.kind as 'source' | 'note' | 'annotations';
    const map: Map<string, { slug: string }> = kind === 'source' ? this.sources : kind === 'note' ? this.notes : this.annotations;
    const found = findBySlug(map, at.slug);
    if (!found || found[0] === keepId) return [];
    map.delete(found[0]);
    return [{ kind, id: found[0], change: 'removed' }];
  }
}

export function findBySlug<T extends { slug: string }>(map: Map<string, T>, slug: string): [string, T] | undefined {
  for (const entry of map) if (entry[1].slug === slug) return entry;
  return undefined;
}

/** A problem, told apart from parsed data by its brand. */
type ProblemText = Bilingual & { problem: true };

function isProblem(value: unknown): value is ProblemText {
  return typeof value === 'object' && value !== null && (value as Partial<ProblemText>).problem === true;
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T | ProblemText {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error as Error).message;
    return { problem: true, en: `The file is not valid JSON: ${detail}. Correct it in a text editor.`, fr: `Le fichier n’est pas du JSON valide : ${detail}. Corrigez-le dans un éditeur de texte.` };
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = describeIssues(result.error);
  return { problem: true, en: `The file's content is wrong: ${issues}. Correct it in a text editor.`, fr: `Le contenu du fichier est faux : ${issues}. Corrigez-le dans un éditeur de texte.` };
}

function cannotRead(error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return { en: 'Carnet is not allowed to read this file. Check its permissions; Carnet left it as it is.', fr: 'Carnet n’a pas le droit de lire ce fichier. Vérifiez ses droits ; Carnet l’a laissé tel quel.' };
  }
  if (code === 'EIO') {
    return { en: 'The disk reported a failure while reading this file. Check the drive; Carnet left the file as it is.', fr: 'Le disque a signalé une erreur en lisant ce fichier. Vérifiez le support ; Carnet a laissé le fichier tel quel.' };
  }
  // A parser's own words (a stack overflow, an alias count).
  const detail = plainDetail(error);
  return { en: `The file cannot be read: ${detail}. Carnet left it as it is.`, fr: `Le fichier ne peut pas être lu : ${detail}. Carnet l’a laissé tel quel.` };
}
