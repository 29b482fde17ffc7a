import { readShards, writeShards } from './search-cache.ts';
import { CitingNotes } from './citing-notes.ts';
import { annotationRef, documentOfNote, documentsOfSource, documentsOfVault, noteRef, sourceRef, type SearchDoc } from './search-documents.ts';
import type { SearchHost } from './search-host.ts';
import type { SearchQuery, SearchResults, SearchStatus } from './search-types.ts';

export type { SearchStatus };
import type { Vault } from '../vault/vault.ts';
import type { VaultChange } from '../vault/vault-records.ts';

/**
 * Keeps the index in step with the vault: loads stored shards at start and rebuilds what changed
 * (in the background, with progress), follows every change the vault reports (ours, hand edits,
 * sync tools), and stores rebuilt shards a moment later.
 */
export class SearchService {
  private readonly vault: Vault;
  private readonly host: SearchHost;
  private readonly onStatus: (status: SearchStatus) => void;
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  /** The references each source contributes (itself and its annotations), to remove what disappears. */
  private readonly refsOfSource = new Map<string, string[]>();
  private readonly citing = new CitingNotes();
  private unsaved = new Set<string>();
  private liveShards: string[] = [];
  private saveTimer: NodeJS.Timeout | null = null;
  private stale = false;
  private current: SearchStatus = { state: 'indexing', done: 0, total: 0, documents: 0 };
  private readonly ready: Promise<void>;

  constructor(vault: Vault, host: SearchHost, onStatus: (status: SearchStatus) => void = () => undefined) {
    this.vault = vault;
    this.host = host;
    this.onStatus = onStatus;
    this.ready = this.enqueue(() => this.load(false));
    this.unsubscribe = vault.onChange((changes) => void this.enqueue(() => this.apply(changes)).catch(() => undefined));
  }

  status(): SearchStatus {
    return this.current;
  }

  /** Resolves once the first load is done (stored shards read, stale ones rebuilt). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    await this.ready.catch(() => undefined);
    await this.queue.catch(() => undefined);
    const results = await this.host.call({ type: 'search', query });
    // Counted here, not stored in the index: a new citation must not rebuild the cited source's shard.
    return { ...results, hits: results.hits.map((hit) => (hit.kind === 'source' ? { ...hit, citedBy: this.citing.count(hit.id) } : hit)) };
  }

  /** Throws the stored shards away and builds everything again. */
  reindex(onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.enqueue(async () => {
      await this.vault.removeCache('index');
      await this.load(true, onProgress);
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.queue.catch(() => undefined);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    await this.compact().catch(() => undefined);
    await this.save().catch(() => undefined);
    await this.host.stop();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((error: unknown) => {
      this.setStatus({ ...this.current, state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return run;
  }

  private async load(fresh: boolean, onProgress?: (done: number, total: number) => void): Promise<void> {
    const docs = documentsOfVault(this.vault);
    this.refsOfSource.clear();
    this.citing.clear();
    for (const doc of docs) {
      if (doc.kind !== 'note') this.remember(doc);
      this.citing.indexed(doc);
    }
    this.setStatus({ state: 'indexing', done: 0, total: 0, documents: docs.length });
    const stored = fresh ? [] : await readShards(this.vault);
    const result = await this.host.call({ type: 'load', docs, stored, rebuildAll: fresh }, (done, total) => {
      onProgress?.(done, total);
      this.setStatus({ state: 'indexing', done, total, documents: docs.length });
    });
    this.liveShards = result.shards;
    for (const key of result.rebuilt) this.unsaved.add(key);
    await this.save();
    this.setStatus({ state: 'ready', done: result.rebuilt.length, total: result.rebuilt.length, documents: docs.length });
  }

  private async apply(changes: VaultChange[]): Promise<void> {
    const upsert: SearchDoc[] = [];
    const remove: string[] = [];
    const sources = new Set<string>();
    const notesMade = new Set<string>();
    const makeNote = (id: string) => {
      notesMade.add(id);
      const docs = this.tryDocs(() => [documentOfNote(this.vault, id)]);
      for (const doc of docs) this.citing.indexed(doc);
      upsert.push(...docs);
    };
    let everything = false;
    for (const change of changes) {
      if (change.kind === 'codebook') everything = true;
      else if (change.kind === 'source' || change.kind === 'annotations') sources.add(change.id);
      else if (change.kind === 'note') {
        if (change.change === 'removed') {
          remove.push(noteRef(change.id));
          this.citing.noteRemoved(change.id);
        } else makeNote(change.id);
      }
    }
    if (everything) {
      // Code names are part of annotation documents: reload them all (unchanged ones are skipped by fingerprint).
      for (const summary of this.vault.listSources()) sources.add(summary.id);
      for (const id of this.refsOfSource.keys()) sources.add(id);
    }
    for (const id of sources) {
      const docs = this.tryDocs(() => documentsOfSource(this.vault, id));
      const now = new Set(docs.map((d) => d.ref));
      remove.push(...(this.refsOfSource.get(id) ?? []).filter((ref) => !now.has(ref)));
      this.refsOfSource.delete(id);
      for (const doc of docs) this.remember(doc);
      upsert.push(...docs);
      // The notes citing a source hold its title: a new one (or none, the source gone) makes them again.
      const title = docs.find((doc) => doc.kind === 'source')?.title ?? null;
      for (const noteId of this.citing.sourceTitled(id, title)) if (!notesMade.has(noteId)) makeNote(noteId);
    }
    if (upsert.length === 0 && remove.length === 0) return;
    const result = await this.host.call({ type: 'update', upsert, remove });
    this.liveShards = result.shards;
    for (const key of result.rebuilt) this.unsaved.add(key);
    this.setStatus({ ...this.current, state: 'ready', documents: result.documents });
    this.stale = result.stale > 0;
    this.scheduleSave();
  }

  /**
   * Edits went to small delta shards; when the vault is quiet, the big shards catch up, one per
   * step (all at once when stopping), so that a search typed meanwhile waits for one shard at most.
   */
  private async compact(limit?: number): Promise<void> {
    if (!this.stale) return;
    const result = await this.host.call({ type: 'compact', limit });
    this.stale = result.stale > 0;
    this.liveShards = result.shards;
    for (const key of result.rebuilt) this.unsaved.add(key);
  }

  /** A document gone since the change was reported (deleted again, unreadable) is simply not indexed. */
  private tryDocs(make: () => SearchDoc[]): SearchDoc[] {
    try {
      return make();
    } catch {
      return [];
    }
  }

  private remember(doc: SearchDoc): void {
    const sourceId = doc.kind === 'source' ? doc.id : doc.sourceId;
    if (!sourceId) return;
    const refs = this.refsOfSource.get(sourceId) ?? [sourceRef(sourceId)];
    if (doc.kind === 'annotation') refs.push(annotationRef(sourceId, doc.id));
    this.refsOfSource.set(sourceId, [...new Set(refs)]);
  }

  private scheduleSave(delay = 2000): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.enqueue(async () => {
        await this.compact(1);
        if (this.stale) this.scheduleSave(0);
        else await this.save();
      });
    }, delay);
    this.saveTimer.unref();
  }

  private async save(): Promise<void> {
    if (this.unsaved.size === 0 || this.vault.readOnly) return;
    const keys = [...this.unsaved];
    this.unsaved = new Set();
    const shards = await this.host.call({ type: 'export', keys });
    await writeShards(this.vault, shards, this.liveShards);
  }

  private setStatus(status: SearchStatus): void {
    this.current = status;
    this.onStatus(status);
  }
}
