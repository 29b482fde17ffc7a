import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { atomicWrite } from './atomic-write.ts';
import { AnnotationStore } from './annotation-store.ts';
import { AnnotationEdits, type AnnotationChange } from './annotation-edits.ts';
import { deleteAnnotation } from './annotation-trash.ts';
import { AttachmentStore } from './attachment-store.ts';
import { CacheStore, type CacheFolder } from './cache-store.ts';
import { CodebookStore } from './codebook-store.ts';
import { CodedPassages } from './coded-passages.ts';
import { NoteStore } from './note-store.ts';
import type { BrokenLink } from './note-link-report.ts';
import { SourceStore } from './source-store.ts';
import { SourceTrim, type TrimResult } from './source-trim.ts';
import { SourceReextract, type ReextractRefusal, type ReextractResult } from './source-reextract.ts';
import { SiteChromeStore, type LearntCapture } from './site-chrome-store.ts';
import { TrashStore } from './trash-store.ts';
import { CitationStore } from './citation-store.ts';
import { NoteQuotes } from './note-quotes.ts';
import type { Citation, CitationQuery, CitedIn } from './citation-records.ts';
import { VaultCore, notFound } from './vault-core.ts';
import { VaultIndex } from './vault-index.ts';
import { prepareVaultFolder } from './vault-location.ts';
import { VaultLock } from './vault-lock.ts';
import { readManifest, writeNewManifest } from './vault-manifest.ts';
import { linkedFolderReason, recoverInterruptedWrites } from './vault-recovery.ts';
import { readVaultSettings, writeVaultSettings } from './vault-settings.ts';
import { VaultWatcher } from './vault-watcher.ts';
import type { Annotation, Codebook, SourceMeta, VaultManifest } from './vault-schemas.ts';
import type { SourceMetaChange } from './source-meta.ts';
import type { CodeChange, NewCode } from '../annotations/codebook-edits.ts';
import type {
  AnnotationList,
  CodeCooccurrence,
  CodeMatrix,
  CodeSummary,
  CodedPassage,
  PassageQuery,
  VaultSettings,
  ItemKind,
  NoteDetail,
  NoteLinks,
  NoteSummary,
  NoteVersion,
  NoteVersionSummary,
  Problem,
  SourceDetail,
  SourceSummary,
  TrashEntry,
  VaultChange,
  VaultInfo,
} from './vault-records.ts';

export type { CacheFolder };

export interface OpenOptions {
  /** Open without taking the lock and refuse every write. */
  readOnly?: boolean;
  /** Watch the folder for changes made outside Carnet (default true). */
  watch?: boolean;
}

/**
 * One open vault: the only code that reads and writes its files. A façade over one store per
 * kind of file (sources, notes, annotations and codes, trash, caches) that share one write queue.
 */
export class Vault {
  readonly root: string;
  readonly manifest: VaultManifest;
  private readonly core: VaultCore;
  private readonly lock: VaultLock | null;
  private watcher: VaultWatcher | null = null;
  private readonly sources: SourceStore;
  private readonly sourceTrim: SourceTrim;
  private readonly siteChromeStore: SiteChromeStore;
  private readonly sourceReextract: SourceReextract;
  private readonly notes: NoteStore;
  private readonly annotations: AnnotationStore;
  private readonly annotationEdits: AnnotationEdits;
  private readonly citations: CitationStore;
  private readonly quotes: NoteQuotes;
  private readonly trash: TrashStore;
  private readonly passages: CodedPassages;
  private readonly codes: CodebookStore;
  private readonly caches: CacheStore;
  private readonly attachments: AttachmentStore;

  private constructor(core: VaultCore, manifest: VaultManifest, lock: VaultLock | null) {
    this.root = core.root;
    this.manifest = manifest;
    this.core = core;
    this.lock = lock;
    this.sources = new SourceStore(core);
    this.sourceTrim = new SourceTrim(core, (id) => this.sources.get(id));
    this.siteChromeStore = new SiteChromeStore(core);
    this.sourceReextract = new SourceReextract(core, (id) => this.sources.get(id), this.sourceTrim, this.siteChromeStore);
    this.trash = new TrashStore(core);
    this.notes = new NoteStore(core, this.trash);
    this.annotations = new AnnotationStore(core);
    this.annotationEdits = new AnnotationEdits(core, (id) => this.annotations.list(id), (id) => this.annotations.filePath(id));
    this.passages = new CodedPassages(core, (id) => this.annotations.list(id));
    this.citations = new CitationStore(core, (id) => this.annotations.list(id));
    this.quotes = new NoteQuotes(core, this.notes, (id) => this.annotations.list(id), () => readVaultSettings(core.root));
    this.codes = new CodebookStore(core, this.trash, this.passages);
    this.caches = new CacheStore(core);
    this.attachments = new AttachmentStore(core);
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
    let lock = readOnlyReason ? null : await VaultLock.acquire(root);
    try {
      // Holding the lock, nobody else writes: what a crash left half-done can be finished or undone.
      if (lock) {
        const failure = await recoverInterruptedWrites(root).then(() => null, (error: unknown) => error);
        if (failure) {
          // The vault still opens, to be read: writing over a half-finished state could lose more.
          const detail = fileSystemError(failure, '.carnet');
          readOnlyReason = {
            en: `Opened read-only: Carnet could not finish tidying up after an interruption (${detail.text.en}). Fix that, then open the vault again to edit it.`,
            fr: `Ouvert en lecture seule : Carnet n’a pas pu finir de remettre en ordre après une interruption (${detail.text.fr}). Corrigez cela, puis rouvrez le coffre pour le modifier.`,
          };
          await lock.release();
          lock = null;
        }
      }
      const vault = new Vault(new VaultCore(root, new VaultIndex(root), readOnlyReason), manifest, lock);
      await vault.loadAll();
      if (options.watch !== false) await vault.startWatching();
      return vault;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get readOnly(): boolean {
    return this.core.readOnly;
  }

  get readOnlyReason(): Bilingual | null {
    return this.core.readOnlyReason;
  }

  async close(): Promise<void> {
    await this.core.close();
    await this.watcher?.stop();
    this.watcher = null;
    await this.lock?.release();
  }

  onChange(listener: (changes: VaultChange[]) => void): () => void {
    return this.core.onChange(listener);
  }

  info(): VaultInfo {
    const { index } = this.core;
    return {
      root: this.root,
      id: this.manifest.id,
      name: this.manifest.name,
      formatVersion: this.manifest.version,
      readOnly: this.readOnly,
      readOnlyReason: this.readOnlyReason,
      counts: { sources: index.sources.size, notes: index.notes.size, codes: index.codebook.data.codes.length, problems: index.problems.size, trash: this.trash.count },
    };
  }

  problems(): Problem[] {
    return [...this.core.index.problems.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Re-reads files (after a hand edit the watcher saw, or our own moves) and tells listeners what changed. */
  reload(relatives: string[]): Promise<void> {
    return this.core.reload(relatives);
  }

  // Sources
  listSources(): SourceSummary[] {
    return this.sources.list();
  }
  getSource(id: string): SourceDetail {
    return this.sources.get(id);
  }
  addSource(meta: Omit<SourceMeta, 'id' | 'imported' | 'original'>, body: string, original?: { bytes: Uint8Array; extension: string }): Promise<SourceDetail> {
    return this.sources.add(meta, body, original);
  }
  updateSourceMeta(id: string, change: SourceMetaChange, baseRevision: string): Promise<SourceDetail> {
    return this.sources.updateMeta(id, change, baseRevision);
  }
  /** Removes whole paragraphs [from, to) of a source without annotations; the body replaced is kept in its history. */
  trimSource(id: string, baseRevision: string, from: number, to: number): Promise<TrimResult> {
    return this.sourceTrim.trim(id, baseRevision, from, to);
  }
  /** Puts back a body a trim replaced (`version`), or without one the body as imported. */
  restoreSourceBody(id: string, baseRevision: string, version?: string): Promise<SourceDetail> {
    return this.sourceTrim.restore(id, baseRevision, version);
  }
  /** Clears `extraction: uncertain`: the user checked that the text is the article. */
  markExtractionChecked(id: string, baseRevision: string): Promise<SourceDetail> {
    return this.sourceTrim.markChecked(id, baseRevision);
  }

  /** The chrome (importers/site-chrome.ts keys) a capture of some site is to be read with, learnt from the vault's captures of that site and `batch`. */
  siteChrome(text: string, options: { url?: string; exclude?: string; batch?: readonly LearntCapture[] } = {}): Promise<Set<string>> {
    return this.siteChromeStore.chromeFor(text, options);
  }
  /** Why a source cannot be re-extracted (it has annotations; it is not a text capture), or null. */
  reextractRefusal(id: string): Promise<ReextractRefusal | null> {
    return this.sourceReextract.refusal(id);
  }
  /** Reads a text capture's original again with its site's learnt chrome; refused when the source has annotations. */
  reextractSource(id: string, baseRevision: string): Promise<ReextractResult> {
    return this.sourceReextract.reextract(id, baseRevision);
  }

  // Notes
  listNotes(): NoteSummary[] {
    return this.notes.list();
  }
  getNote(id: string): NoteDetail {
    return this.notes.get(id);
  }
  createNote(title: string, body = '', tags: string[] = []): Promise<NoteDetail> {
    return this.notes.create(title, body, tags);
  }
  saveNote(id: string, change: { title: string; body: string; tags: string[] }, baseRevision: string, replaceNewer = false): Promise<NoteDetail> {
    return this.notes.save(id, change, baseRevision, replaceNewer);
  }
  listNoteHistory(id: string): Promise<NoteVersionSummary[]> {
    this.notes.get(id);
    return this.notes.history.list(id);
  }
  getNoteVersion(id: string, version: string): Promise<NoteVersion> {
    this.notes.get(id);
    return this.notes.history.get(id, version);
  }
  noteLinks(id: string): NoteLinks {
    return this.notes.links(id);
  }
  linkMention(noteId: string, targetId: string, line: number, baseRevision: string): Promise<NoteDetail> {
    return this.notes.linkMention(noteId, targetId, line, baseRevision);
  }
  brokenNoteLinks(): BrokenLink[] {
    return this.notes.brokenLinks();
  }

  // Citations in notes
  listCitations(query: CitationQuery = {}): Citation[] {
    return this.citations.list(query);
  }
  /** The ids of the sources a note cites (present in the vault or not), each once. */
  sourcesCitedBy(noteId: string): string[] {
    return this.citations.sourcesCitedBy(noteId);
  }
  previewQuoteTemplate(template: string, language: 'en' | 'fr'): string {
    return this.quotes.preview(template, language);
  }
  quoteMarkdown(sourceId: string, annotationId: string): Promise<string> {
    return this.quotes.markdown(sourceId, annotationId);
  }
  quoteInNote(sourceId: string, annotationId: string, target: { noteId?: string; title?: string }): Promise<NoteDetail> {
    return this.quotes.quoteInNote(sourceId, annotationId, target);
  }
  citedIn(sourceId: string): CitedIn {
    if (!this.core.index.sources.has(sourceId)) throw notFound('source', sourceId);
    return this.citations.citedIn(sourceId);
  }

  // Annotations and codes
  listAnnotations(sourceId: string): AnnotationList {
    return this.annotations.list(sourceId);
  }
  saveAnnotations(sourceId: string, annotations: Annotation[], baseRevision: string | null): Promise<AnnotationList> {
    return this.annotations.save(sourceId, annotations, baseRevision);
  }
  createAnnotation(sourceId: string, sourceRevision: string, start: number, end: number, change: AnnotationChange): Promise<AnnotationList & { id: string }> {
    return this.annotationEdits.create(sourceId, sourceRevision, start, end, change);
  }
  updateAnnotation(sourceId: string, id: string, change: AnnotationChange): Promise<AnnotationList> {
    return this.annotationEdits.update(sourceId, id, change);
  }
  resolveAnchor(sourceId: string, id: string, action: 'accept' | 'detach'): Promise<AnnotationList> {
    return this.annotationEdits.resolve(sourceId, id, action);
  }
  attachAnnotation(sourceId: string, id: string, sourceRevision: string, start: number, end: number): Promise<AnnotationList> {
    return this.annotationEdits.attach(sourceId, id, sourceRevision, start, end);
  }
  annotationFilePath(sourceId: string): string {
    return this.annotations.filePath(sourceId);
  }
  orphanAnnotationFiles(): { path: string; sourceId: string }[] {
    return this.annotations.orphanFiles();
  }
  codebook(): Codebook & { revision: string | null } {
    return this.annotations.codebook();
  }
  /** Each code counted with its sub-codes' passages. */
  listCodes(): CodeSummary[] {
    return this.codes.list();
  }
  saveCodebook(codebook: Codebook, baseRevision: string | null): Promise<Codebook & { revision: string | null }> {
    return this.annotations.saveCodebook(codebook, baseRevision);
  }
  /** The passages coded `codeId` or one of its sub-codes. */
  passagesWithCode(codeId: string): CodedPassage[] {
    return this.passages.query({ all: [codeId], any: [], none: [] });
  }
  deleteAnnotation(sourceId: string, id: string): Promise<TrashEntry> {
    return deleteAnnotation(this.core, this.trash, sourceId, id);
  }
  createCode(input: NewCode): Promise<CodeSummary> {
    return this.codes.create(input);
  }
  updateCode(id: string, change: CodeChange): Promise<CodeSummary> {
    return this.codes.update(id, change);
  }
  mergeCodes(from: string, into: string): Promise<{ moved: number }> {
    return this.codes.merge(from, into);
  }
  deleteCode(id: string): Promise<TrashEntry> {
    return this.codes.delete(id);
  }
  queryPassages(query: PassageQuery): CodedPassage[] {
    return this.passages.query(query);
  }
  codeMatrix(): CodeMatrix {
    return this.passages.matrix();
  }
  codeCooccurrence(): CodeCooccurrence {
    return this.passages.cooccurrence();
  }
  cooccurringPassages(a: string, b: string): CodedPassage[] {
    return this.passages.cooccurring(a, b);
  }
  getVaultSettings(): Promise<VaultSettings> {
    return readVaultSettings(this.root);
  }
  updateVaultSettings(settings: Partial<Omit<VaultSettings, 'defaultQuoteTemplate'>>): Promise<VaultSettings> {
    return writeVaultSettings(this.core, settings);
  }

  // Attachments
  /** An image for a note, written under a new name in attachments/; answers its vault-relative path. */
  saveAttachment(name: string, bytes: Uint8Array): Promise<{ path: string }> {
    return this.attachments.save(name, bytes);
  }

  // Trash
  deleteItem(kind: ItemKind, id: string): Promise<TrashEntry> {
    return this.trash.delete(kind, id);
  }
  listTrash(): Promise<TrashEntry[]> {
    return this.trash.list();
  }
  restore(trashId: string): Promise<void> {
    return this.trash.restore(trashId);
  }

  // Caches
  readCache(folder: CacheFolder): Promise<Map<string, string>> {
    return this.caches.read(folder);
  }
  listCache(folder: CacheFolder): Promise<string[]> {
    return this.caches.list(folder);
  }
  writeCache(folder: CacheFolder, name: string, content: string): Promise<void> {
    return this.caches.write(folder, name, content);
  }
  removeCache(folder: CacheFolder, names?: string[]): Promise<void> {
    return this.caches.remove(folder, names);
  }

  private async loadAll(): Promise<void> {
    const files = ['codebook.json'];
    for (const folder of ['sources', 'notes', 'annotations']) {
      const names = await fs.readdir(path.join(this.root, folder)).catch(() => [] as string[]);
      for (const name of names.sort()) files.push(`${folder}/${name}`);
    }
    for (const relative of files) await this.core.index.load(relative);
    await this.trash.refreshCount();
  }

  private async startWatching(): Promise<void> {
    this.watcher = new VaultWatcher(this.root, (relatives) => this.core.reload(relatives));
    await this.watcher.start();
  }
}
