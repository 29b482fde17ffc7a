import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { assertInside, atomicWrite } from './atomic-write.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { beginPending } from './vault-pending.ts';
import { linkedFolderReason, recoverInterruptedWrites } from './vault-recovery.ts';
import { prepareVaultFolder } from './vault-location.ts';
import { originalFileOf, validSourceMeta } from './source-meta.ts';
import { formatFrontMatter } from './front-matter.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { VaultIndex, findBySlug, type NoteRecord, type SourceRecord } from './vault-index.ts';
import { VaultLock } from './vault-lock.ts';
import { readManifest, writeNewManifest } from './vault-manifest.ts';
import { readVaultFile } from './vault-files.ts';
import { addToTrash, listTrash, restoreFromTrash } from './vault-trash.ts';
import { VaultWatcher } from './vault-watcher.ts';
import type { Annotation, Codebook, SourceMeta, VaultManifest } from './vault-schemas.ts';
import type {
  AnnotationList,
  CodeSummary,
  CodedPassage,
  ItemKind,
  NoteDetail,
  NoteSummary,
  Problem,
  SourceDetail,
  SourceSummary,
  TrashEntry,
  VaultChange,
  VaultInfo,
} from './vault-records.ts';

export interface OpenOptions {
  /** Open without taking the lock and refuse every write. */
  readOnly?: boolean;
  /** Watch the folder for changes made outside Carnet (default true). */
  watch?: boolean;
}

type ChangeListener = (changes: VaultChange[]) => void;

export type CacheFolder = 'index';
const CACHE_NAME = /^[a-z0-9][a-z0-9.-]{0,80}\.json$/;

/** One open vault: the only code that reads and writes its files. */
export class Vault {
  private readonly listeners = new Set<ChangeListener>();
  private watcher: VaultWatcher | null = null;
  private trashCount = 0;
  /** Writes run one after another, so two saves never interleave their read-compare-write. */
  private queue: Promise<unknown> = Promise.resolve();

  readonly root: string;
  readonly manifest: VaultManifest;
  readonly readOnlyReason: Bilingual | null;
  private readonly index: VaultIndex;
  private readonly lock: VaultLock | null;

  private constructor(root: string, manifest: VaultManifest, index: VaultIndex, lock: VaultLock | null, readOnlyReason: Bilingual | null) {
    this.root = root;
    this.manifest = manifest;
    this.index = index;
    this.lock = lock;
    this.readOnlyReason = readOnlyReason;
  }

  /** Creates a new, empty vault in a missing or empty folder. */
  static async create(folder: string, name?: string): Promise<Vault> {
    const root = path.resolve(folder);
    await prepareVaultFolder(root);
    const existing = await fs.readdir(root).catch((error: unknown) => Promise.reject(fileSystemError(error, root)));
    if (existing.includes('carnet.json')) {
      throw new CarnetError('conflict', { en: `${root} is already a Carnet vault: open it instead.`, fr: `${root} est déjà un coffre Carnet : ouvrez-le plutôt.` });
    }
    if (existing.length > 0) {
      throw new CarnetError('conflict', {
        en: `${root} is not empty. Choose an empty or new folder for a new vault.`,
        fr: `${root} n’est pas vide. Choisissez un dossier vide ou nouveau pour un nouveau coffre.`,
      });
    }
    try {
      for (const dir of ['sources', 'sources/originals', 'notes', 'annotations', '.carnet']) await fs.mkdir(path.join(root, dir));
      await writeNewManifest(root, name?.trim() || path.basename(root));
      await atomicWrite(path.join(root, 'codebook.json'), `${JSON.stringify({ codes: [] }, null, 2)}\n`, { within: root, label: 'codebook.json' });
    } catch (error) {
      throw fileSystemError(error, root);
    }
    return Vault.open(root);
  }

  static async open(folder: string, options: OpenOptions = {}): Promise<Vault> {
    const root = path.resolve(folder);
    const { manifest, newerFormat } = await readManifest(root);
    let readOnlyReason: Bilingual | null = null;
    if (newerFormat) {
      readOnlyReason = {
        en: `This vault was written by a newer Carnet (format ${manifest.version}); this version reads it but will not change it. Update Carnet to edit it.`,
        fr: `Ce coffre a été écrit par un Carnet plus récent (format ${manifest.version}) ; cette version le lit mais ne le modifiera pas. Mettez Carnet à jour pour le modifier.`,
      };
    } else if (options.readOnly) {
      readOnlyReason = { en: 'Opened read-only: nothing in this vault will be changed.', fr: 'Ouvert en lecture seule : rien ne sera modifié dans ce coffre.' };
    }
    readOnlyReason ??= await linkedFolderReason(root);
    const lock = readOnlyReason ? null : await VaultLock.acquire(root);
    try {
      // Holding the lock, nobody else writes: what a crash left half-done can be finished or undone.
      if (lock) await recoverInterruptedWrites(root);
      const index = new VaultIndex(root);
      const vault = new Vault(root, manifest, index, lock, readOnlyReason);
      await vault.loadAll();
      if (options.watch !== false) await vault.startWatching();
      return vault;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.watcher?.stop();
    this.watcher = null;
    await this.lock?.release();
    this.listeners.clear();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  info(): VaultInfo {
    return {
      root: this.root,
      id: this.manifest.id,
      name: this.manifest.name,
      formatVersion: this.manifest.version,
      readOnly: this.readOnly,
      readOnlyReason: this.readOnlyReason,
      counts: {
        sources: this.index.sources.size,
        notes: this.index.notes.size,
        codes: this.index.codebook.data.codes.length,
        problems: this.index.problems.size,
        trash: this.trashCount,
      },
    };
  }

  problems(): Problem[] {
    return [...this.index.problems.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  // ── Sources ────────────────────────────────────────────────────────────

  listSources(): SourceSummary[] {
    return [...this.index.sources.values()].map((record) => this.sourceSummary(record));
  }

  getSource(id: string): SourceDetail {
    const record = this.index.sources.get(id);
    if (!record) throw notFound('source', id);
    return { ...this.sourceSummary(record), body: record.body, revision: record.revision };
  }

  /** Adds a source with its fixed body; `original` is the imported file, kept untouched for provenance. */
  async addSource(meta: Omit<SourceMeta, 'id' | 'imported' | 'original'>, body: string, original?: { bytes: Uint8Array; extension: string }): Promise<SourceDetail> {
    return this.write(async () => {
      const id = randomUUID();
      const slug = uniqueSlug(slugify(meta.title), (s) => findBySlug(this.index.sources, s) !== undefined || fileExists(this.root, `sources/${s}.md`));
      const originalPath = original ? `sources/originals/${slug}.${original.extension.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 8) || 'bin'}` : undefined;
      const relative = `sources/${slug}.md`;
      // Nothing is written until the record is known to read back: a bad title or date leaves no file behind.
      const full = validSourceMeta({ id, ...meta, imported: new Date().toISOString(), original: originalPath });
      const text = formatFrontMatter(orderSource(full), body);
      if (!originalPath || !original) {
        await this.writeTracked(relative, text);
        return this.getSource(id);
      }
      const done = await beginPending(this.root, { commit: relative, created: [originalPath] });
      try {
        await this.makeFolder('sources/originals');
        await atomicWrite(path.join(this.root, originalPath), original.bytes, { within: this.root, label: originalPath });
        await this.writeTracked(relative, text);
      } catch (error) {
        if (!existsSync(path.join(this.root, relative))) await fs.rm(path.join(this.root, originalPath), { force: true }).catch(() => undefined);
        await done();
        throw error;
      }
      await done();
      return this.getSource(id);
    });
  }

  /**
   * Corrects a source's metadata (title, date, publisher…). The body is written back byte for byte:
   * annotations point into it.
   */
  async updateSourceMeta(id: string, change: Pick<SourceMeta, 'title' | 'url' | 'publisher' | 'authors' | 'published' | 'language'>, baseRevision: string): Promise<SourceDetail> {
    return this.write(async () => {
      const record = this.index.sources.get(id);
      if (!record) throw notFound('source', id);
      const relative = `sources/${record.slug}.md`;
      await this.assertUnchanged(relative, baseRevision, { en: `the metadata of "${record.meta.title}"`, fr: `les informations de « ${record.meta.title} »` });
      await this.writeTracked(relative, formatFrontMatter(orderSource({ ...record.meta, ...change }), record.body));
      return this.getSource(id);
    });
  }

  // ── Notes ──────────────────────────────────────────────────────────────

  listNotes(): NoteSummary[] {
    return [...this.index.notes.values()].map((record) => noteSummary(record));
  }

  getNote(id: string): NoteDetail {
    const record = this.index.notes.get(id);
    if (!record) throw notFound('note', id);
    return { ...noteSummary(record), body: record.body, revision: record.revision };
  }

  async createNote(title: string, body = '', tags: string[] = []): Promise<NoteDetail> {
    return this.write(async () => {
      const id = randomUUID();
      const slug = uniqueSlug(slugify(title), (s) => findBySlug(this.index.notes, s) !== undefined || fileExists(this.root, `notes/${s}.md`));
      const now = new Date().toISOString();
      await this.writeTracked(`notes/${slug}.md`, formatFrontMatter({ id, title, tags, created: now, updated: now }, body));
      return this.getNote(id);
    });
  }

  /**
   * Saves a note that the caller read at `baseRevision`. If the file changed since (a hand edit,
   * a sync tool, another window), nothing is written and the caller is told, so no edit is lost silently.
   * With `replaceNewer`, the user has chosen their version: the other one is kept in the trash first.
   */
  async saveNote(id: string, change: { title: string; body: string; tags: string[] }, baseRevision: string, replaceNewer = false): Promise<NoteDetail> {
    return this.write(async () => {
      const record = this.index.notes.get(id);
      if (!record) throw notFound('note', id);
      const relative = `notes/${record.slug}.md`;
      if (replaceNewer && record.revision !== baseRevision) {
        await this.assertUnchanged(relative, record.revision, { en: `the note "${record.meta.title}"`, fr: `la note « ${record.meta.title} »` });
        await addToTrash(this.root, 'note', `${record.meta.title} (the version replaced on ${new Date().toISOString().slice(0, 16).replace('T', ' ')})`, [relative], 'copy');
        this.trashCount++;
        this.emit([{ kind: 'trash', id: '', change: 'updated' }]);
      } else {
        await this.assertUnchanged(relative, baseRevision, { en: `the note "${record.meta.title}"`, fr: `la note « ${record.meta.title} »` });
      }
      const meta = { id, title: change.title, tags: change.tags, created: record.meta.created, updated: new Date().toISOString() };
      await this.writeTracked(relative, formatFrontMatter(meta, change.body));
      return this.getNote(id);
    });
  }

  // ── Annotations and codes ──────────────────────────────────────────────

  listAnnotations(sourceId: string): AnnotationList {
    if (!this.index.sources.has(sourceId)) throw notFound('source', sourceId);
    const record = this.index.annotations.get(sourceId);
    return { sourceId, annotations: record?.data.annotations ?? [], revision: record?.revision ?? null };
  }

  async saveAnnotations(sourceId: string, annotations: Annotation[], baseRevision: string | null): Promise<AnnotationList> {
    return this.write(async () => {
      const source = this.index.sources.get(sourceId);
      if (!source) throw notFound('source', sourceId);
      const relative = this.annotationFilePath(sourceId);
      await this.assertUnchanged(relative, baseRevision, { en: `the annotations of "${source.meta.title}"`, fr: `les annotations de « ${source.meta.title} »` });
      await this.writeTracked(relative, `${JSON.stringify({ source: sourceId, annotations }, null, 2)}\n`);
      return this.listAnnotations(sourceId);
    });
  }

  /** Where a source's annotations live (or will live): named after the source's file. */
  annotationFilePath(sourceId: string): string {
    const slug = this.index.annotations.get(sourceId)?.slug ?? this.index.sources.get(sourceId)?.slug;
    if (!slug) throw notFound('source', sourceId);
    return `annotations/${slug}.json`;
  }

  /** Annotation files whose source is gone: kept, never dropped, and reported. */
  orphanAnnotationFiles(): { path: string; sourceId: string }[] {
    return [...this.index.annotations]
      .filter(([sourceId]) => !this.index.sources.has(sourceId))
      .map(([sourceId, record]) => ({ path: `annotations/${record.slug}.json`, sourceId }));
  }

  codebook(): Codebook & { revision: string | null } {
    return { ...this.index.codebook.data, revision: this.index.codebook.revision };
  }

  listCodes(): CodeSummary[] {
    const counts = new Map<string, number>();
    for (const record of this.index.annotations.values()) {
      for (const annotation of record.data.annotations) for (const code of annotation.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return this.index.codebook.data.codes.map((code) => ({ ...code, annotationCount: counts.get(code.id) ?? 0 }));
  }

  async saveCodebook(codebook: Codebook, baseRevision: string | null): Promise<Codebook & { revision: string | null }> {
    return this.write(async () => {
      await this.assertUnchanged('codebook.json', baseRevision, { en: 'the codebook', fr: 'le livre de codes' });
      await this.writeTracked('codebook.json', `${JSON.stringify(codebook, null, 2)}\n`);
      return this.codebook();
    });
  }

  passagesWithCode(codeId: string): CodedPassage[] {
    const passages: CodedPassage[] = [];
    for (const [sourceId, record] of this.index.annotations) {
      const source = this.index.sources.get(sourceId);
      if (!source) continue;
      for (const annotation of record.data.annotations) {
        if (annotation.codes.includes(codeId)) passages.push({ sourceId, sourceTitle: source.meta.title, annotation });
      }
    }
    return passages;
  }

  // ── Trash ──────────────────────────────────────────────────────────────

  async deleteItem(kind: ItemKind, id: string): Promise<TrashEntry> {
    return this.write(async () => {
      let title: string;
      let files: string[];
      if (kind === 'note') {
        const note = this.index.notes.get(id);
        if (!note) throw notFound('note', id);
        title = note.meta.title;
        files = [`notes/${note.slug}.md`];
      } else {
        const source = this.index.sources.get(id);
        if (!source) throw notFound('source', id);
        title = source.meta.title;
        files = [`sources/${source.slug}.md`];
        // A hand-edited `original:` may name anything: only a file in sources/originals/ goes with the source.
        const original = originalFileOf(source.meta);
        if (original) files.push(original);
        const annotations = this.index.annotations.get(id);
        if (annotations) files.push(`annotations/${annotations.slug}.json`);
      }
      const entry = await addToTrash(this.root, kind, title, files, 'move');
      await this.reload(files);
      this.trashCount++;
      this.emit([{ kind: 'trash', id: '', change: 'updated' }]);
      return entry;
    });
  }

  async listTrash(): Promise<TrashEntry[]> {
    const entries = await listTrash(this.root);
    this.trashCount = entries.length;
    return entries;
  }

  async restore(trashId: string): Promise<void> {
    await this.write(async () => {
      const files = await restoreFromTrash(this.root, trashId);
      await this.reload(files);
      this.trashCount = Math.max(0, this.trashCount - 1);
      this.emit([{ kind: 'trash', id: '', change: 'updated' }]);
    });
  }

  // ── Caches (.carnet/<folder>/): rebuilt at will, so they are written even when nothing else changes ──

  async readCache(folder: CacheFolder): Promise<Map<string, string>> {
    const dir = path.join(this.root, '.carnet', folder);
    const files = new Map<string, string>();
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!CACHE_NAME.test(name)) continue;
      const text = await fs.readFile(path.join(dir, name), 'utf8').catch(() => null);
      if (text !== null) files.set(name, text);
    }
    return files;
  }

  async listCache(folder: CacheFolder): Promise<string[]> {
    const names = await fs.readdir(path.join(this.root, '.carnet', folder)).catch(() => [] as string[]);
    return names.filter((name) => CACHE_NAME.test(name));
  }

  async writeCache(folder: CacheFolder, name: string, content: string): Promise<void> {
    if (this.readOnly) return;
    if (!CACHE_NAME.test(name)) throw new CarnetError('invalid-input', { en: `"${name}" is not a cache file name.`, fr: `« ${name} » n’est pas un nom de fichier de cache.` });
    await this.makeFolder(`.carnet/${folder}`);
    await atomicWrite(path.join(this.root, '.carnet', folder, name), content, { within: this.root, label: `.carnet/${folder}/${name}` });
  }

  async removeCache(folder: CacheFolder, names?: string[]): Promise<void> {
    if (this.readOnly) return;
    const dir = path.join(this.root, '.carnet', folder);
    if (!names) return fs.rm(dir, { recursive: true, force: true });
    for (const name of names) if (CACHE_NAME.test(name)) await fs.rm(path.join(dir, name), { force: true });
  }

  // ── Reading and writing files ──────────────────────────────────────────

  /** Re-reads files (after a hand edit the watcher saw, or our own moves) and tells listeners what changed. */
  async reload(relatives: string[]): Promise<void> {
    const changes: VaultChange[] = [];
    for (const relative of relatives) changes.push(...(await this.index.load(relative)));
    this.emit(changes);
  }

  private async loadAll(): Promise<void> {
    const files = ['codebook.json'];
    for (const folder of ['sources', 'notes', 'annotations']) {
      const names = await fs.readdir(path.join(this.root, folder)).catch(() => [] as string[]);
      for (const name of names.sort()) files.push(`${folder}/${name}`);
    }
    for (const relative of files) await this.index.load(relative);
    this.trashCount = (await listTrash(this.root)).length;
  }

  private async startWatching(): Promise<void> {
    this.watcher = new VaultWatcher(this.root, (relatives) => this.reload(relatives));
    await this.watcher.start();
  }

  private async write<T>(task: () => Promise<T>): Promise<T> {
    if (this.readOnlyReason) throw new CarnetError('read-only', this.readOnlyReason);
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async assertUnchanged(relative: string, baseRevision: string | null, what: Bilingual): Promise<void> {
    const current = await readVaultFile(this.root, relative);
    const currentRevision = current.ok ? current.revision : null;
    if (!current.ok && !current.missing) throw cannotOverwrite(what, relative, current.message);
    if (currentRevision !== baseRevision) {
      await this.reload([relative]);
      // A file that is there but does not parse was not "changed by someone": it cannot be read.
      const problem = this.index.problems.get(relative);
      if (problem) throw cannotOverwrite(what, relative, problem.message);
      throw new CarnetError('conflict', {
        en: `Did not save ${what.en}: ${relative} was changed outside this window since you opened it. Its new version is loaded; copy your text before reopening it.`,
        fr: `Carnet n’a pas enregistré ${what.fr} : ${relative} a été modifié hors de cette fenêtre depuis que vous l’avez ouvert. Sa nouvelle version est chargée ; copiez votre texte avant de la rouvrir.`,
      });
    }
  }

  private async writeTracked(relative: string, content: string): Promise<void> {
    await this.makeFolder(path.posix.dirname(relative));
    await atomicWrite(path.join(this.root, relative), content, { within: this.root, label: relative });
    // Load what was written at once: the watcher will see the same revision and stay quiet.
    await this.reload([relative]);
    const problem = this.index.problems.get(relative);
    if (problem) {
      throw new CarnetError('io', {
        en: `Saved ${relative}, but it does not read back: ${problem.message.en}`,
        fr: `${relative} a été enregistré, mais ne se relit pas : ${problem.message.fr}`,
      });
    }
  }

  /** Makes a vault folder, refusing one that a link would put outside the vault. */
  private async makeFolder(relative: string): Promise<void> {
    const absolute = path.join(this.root, relative);
    await assertInside(this.root, absolute, relative);
    await fs.mkdir(absolute, { recursive: true }).catch((error: unknown) => Promise.reject(fileSystemError(error, relative)));
    await assertInside(this.root, absolute, relative);
  }

  private emit(changes: VaultChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  private sourceSummary(record: SourceRecord): SourceSummary {
    return {
      ...record.meta,
      slug: record.slug,
      path: `sources/${record.slug}.md`,
      annotationCount: this.index.annotations.get(record.meta.id)?.data.annotations.length ?? 0,
    };
  }
}

function noteSummary(record: NoteRecord): NoteSummary {
  return { ...record.meta, slug: record.slug, path: `notes/${record.slug}.md` };
}

function orderSource(meta: SourceMeta): Record<string, unknown> {
  const { id, title, url, publisher, authors, published, language, imported, sha256, original } = meta;
  return { id, title, url, publisher, authors, published, language, imported, sha256, original };
}

function notFound(kind: 'source' | 'note', id: string): CarnetError {
  const name = { source: { en: 'source', fr: 'source' }, note: { en: 'note', fr: 'note' } }[kind];
  return new CarnetError('not-found', {
    en: `No ${name.en} with id "${id}" in this vault: it may have been deleted or renamed outside Carnet.`,
    fr: `Aucune ${name.fr} d’identifiant « ${id} » dans ce coffre : elle a peut-être été supprimée ou renommée hors de Carnet.`,
  });
}

function cannotOverwrite(what: Bilingual, relative: string, reason: Bilingual): CarnetError {
  return new CarnetError('unreadable', {
    en: `Did not save ${what.en}: ${relative} cannot be read (${reason.en}) and Carnet never overwrites what it cannot read. Fix or move that file, then save again.`,
    fr: `Carnet n’a pas enregistré ${what.fr} : ${relative} ne peut pas être lu (${reason.fr}) et Carnet n’écrase jamais ce qu’il ne peut pas lire. Réparez ou déplacez ce fichier, puis enregistrez de nouveau.`,
  });
}

/** Slugs must also avoid files that exist but could not be read (reported problems): those are never overwritten. */
function fileExists(root: string, relative: string): boolean {
  return existsSync(path.join(root, relative));
}
