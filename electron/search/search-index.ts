import { createHash } from 'node:crypto';
import { ANALYZER_VERSION, configureBuilder, languageGroup, type LanguageGroup } from './analyzers.ts';
import { setupLunr } from './lunr-setup.ts';
import { DamagedIndexError, encodeIndex, ShardReader } from './compact-index.ts';
import { runQuery, type SearchableShard, type SearchQuery, type SearchResults } from './search-query.ts';
import type { SearchDoc } from './search-documents.ts';

/**
 * The full-text index, sharded. Lunr indexes cannot be changed once built, so documents are
 * spread over shards by language (each language has its own analysis) and by a hash of their
 * reference; a change rebuilds only the shard holding the document.
 */

/**
 * Documents per shard: small enough that rebuilding one after an edit is quick, large enough that
 * term statistics (and so ranking) are stable and a query does not visit too many shards.
 */
const DOCS_PER_SHARD = 1000;
const MAX_BUCKETS = 64;

function bucketsFor(count: number): number {
  let buckets = 1;
  while (buckets < MAX_BUCKETS && count / buckets > DOCS_PER_SHARD) buckets *= 2;
  return buckets;
}

export interface Shard {
  key: string;
  group: LanguageGroup;
  refs: Set<string>;
  index: ShardReader | null;
  /** The documents the index was built from, by their number in it. */
  members: (SearchDoc | undefined)[];
  /** Hash of the fingerprints of the shard's documents when its index was built. */
  builtFrom: string | null;
  /** The index in its stored form (compact-index.ts): what is written to disk, and what `index` reads from. */
  encoded: string | null;
}

export interface PersistedShard {
  key: string;
  builtFrom: string;
  encoded: string;
}

export const FIELDS: { name: 'title' | 'tags' | 'people' | 'comment' | 'body' | 'cites'; boost: number }[] = [
  { name: 'title', boost: 6 },
  { name: 'tags', boost: 4 },
  { name: 'people', boost: 2 },
  { name: 'comment', boost: 2 },
  { name: 'body', boost: 1 },
  // A note citing a source is found by the source's title, below the source itself and below notes using the words themselves.
  { name: 'cites', boost: 0.5 },
];

function isDelta(key: string): boolean {
  return key.endsWith('-delta');
}

export class SearchIndex {
  readonly docs = new Map<string, SearchDoc>();
  private readonly shards = new Map<string, Shard>();
  private readonly dirty = new Set<string>();
  /** Built shards holding outdated versions of some documents, which the delta shards stand in for. */
  private readonly stale = new Set<string>();
  /** Documents whose version in a big (stale) shard must not be returned. */
  private readonly hidden = new Set<string>();
  /** Shards read from disk and not rebuilt since. */
  private readonly fromDisk = new Set<string>();
  /** How many shards each language group is spread over; grows with the group (by powers of two). */
  private readonly buckets = new Map<LanguageGroup, number>();

  shardKey(doc: Pick<SearchDoc, 'ref' | 'language'>): string {
    const group = languageGroup(doc.language);
    const buckets = this.buckets.get(group) ?? 1;
    const bucket = createHash('md5').update(doc.ref).digest().readUInt32BE(0) % buckets;
    return `${group}-${buckets}-${bucket}`;
  }

  /**
   * Spreads a group over more (or fewer) shards when it has grown (or shrunk) past a power of two.
   * Called by every flush, and before stored shards are adopted, so that their keys can match.
   */
  rebalance(): void {
    const counts = new Map<LanguageGroup, number>();
    for (const doc of this.docs.values()) counts.set(languageGroup(doc.language), (counts.get(languageGroup(doc.language)) ?? 0) + 1);
    for (const [group, count] of counts) {
      const wanted = bucketsFor(count);
      const current = this.buckets.get(group) ?? 1;
      if (wanted === current || (wanted < current && count > (current / 4) * DOCS_PER_SHARD)) continue;
      const members = [...this.docs.values()].filter((d) => languageGroup(d.language) === group);
      for (const doc of members) this.detach(doc, false);
      this.buckets.set(group, wanted);
      for (const doc of members) this.attach(doc, false);
    }
  }

  /**
   * Adds a document to its shard. A shard already built is not rebuilt for one edit: the new
   * version goes to its language's small delta shard (rebuilt at once), the old one is hidden,
   * and the big shard is rebuilt later, when `compact` is called (the service does so when idle).
   */
  private attach(doc: SearchDoc, viaDelta = true): void {
    const key = this.shardKey(doc);
    const shard = this.shard(key);
    shard.refs.add(doc.ref);
    if (viaDelta && shard.index) {
      this.stale.add(key);
      this.hidden.add(doc.ref);
      const delta = this.shard(`${shard.group}-delta`);
      delta.refs.add(doc.ref);
      this.dirty.add(delta.key);
    } else {
      this.dirty.add(key);
    }
  }

  upsert(docs: SearchDoc[]): void {
    for (const doc of docs) {
      const previous = this.docs.get(doc.ref);
      if (previous?.fingerprint === doc.fingerprint) continue;
      if (previous) this.detach(previous);
      this.docs.set(doc.ref, doc);
      this.attach(doc);
    }
  }

  remove(refs: Iterable<string>): void {
    for (const ref of refs) {
      const doc = this.docs.get(ref);
      if (!doc) continue;
      this.detach(doc);
      this.docs.delete(ref);
    }
  }

  /**
   * Rebuilds the big shards that edits went around (at most `limit` of them, so that a query
   * waits for one shard at most), and empties the delta shards once none is left.
   */
  compact(onShard?: (done: number, total: number) => void, limit = Infinity): string[] {
    for (const key of [...this.stale].slice(0, limit)) this.dirty.add(key);
    return this.flush(onShard);
  }

  get staleShards(): number {
    return this.stale.size;
  }

  /** Keeps only these references: what a full reload of the vault no longer has goes. */
  retainOnly(refs: Set<string>): void {
    this.remove([...this.docs.keys()].filter((ref) => !refs.has(ref)));
  }

  markAllDirty(): void {
    for (const key of this.shards.keys()) this.dirty.add(key);
  }

  get pending(): number {
    return this.dirty.size;
  }

  /** Rebuilds the shards changed since the last call; `onShard` reports progress. */
  flush(onShard?: (done: number, total: number) => void): string[] {
    this.rebalance();
    const keys = [...this.dirty];
    const bigRebuilt = keys.filter((key) => !isDelta(key));
    for (const key of bigRebuilt) this.stale.delete(key);
    if (this.stale.size === 0 && (this.hidden.size > 0 || [...this.shards.keys()].some(isDelta))) {
      // Every big shard is current again: the delta shards have nothing left to stand in for.
      this.hidden.clear();
      for (const key of [...this.shards.keys()].filter(isDelta)) {
        this.shards.get(key)?.refs.clear();
        if (!keys.includes(key)) keys.push(key);
      }
    }
    this.dirty.clear();
    keys.forEach((key, i) => {
      this.build(key);
      onShard?.(i + 1, keys.length);
    });
    return keys;
  }

  search(query: SearchQuery): SearchResults {
    try {
      return runQuery(this.searchable(), query);
    } catch (error) {
      if (!(error instanceof DamagedIndexError) || this.fromDisk.size === 0) throw error;
      // A stored shard read lazily (compact-index.ts) can turn out damaged only when a query reaches
      // into it: rebuild what came from disk from the documents themselves, and answer again.
      for (const key of this.fromDisk) this.dirty.add(key);
      this.flush();
      return runQuery(this.searchable(), query);
    }
  }

  private searchable(): SearchableShard[] {
    return [...this.shards.values()]
      .filter((s): s is Shard & { index: ShardReader } => s.index !== null)
      .map((s) => ({ reader: s.index, members: s.members, hidden: isDelta(s.key) || this.hidden.size === 0 ? undefined : this.hidden }));
  }

  /** The shards to write to disk (those named, or all), each with the fingerprint of what it was built from. */
  persistable(keys?: Set<string>): PersistedShard[] {
    return [...this.shards.values()]
      .filter((s) => !keys || keys.has(s.key))
      .filter((s): s is Shard & { encoded: string; builtFrom: string } => s.encoded !== null && s.builtFrom !== null && !isDelta(s.key) && !this.stale.has(s.key))
      .map((s) => ({ key: s.key, builtFrom: s.builtFrom, encoded: s.encoded }));
  }

  /**
   * Takes a shard read from disk if it was built from exactly the documents it should now hold;
   * returns false (and leaves the shard to be rebuilt) otherwise.
   */
  adopt(persisted: PersistedShard): boolean {
    const shard = this.shards.get(persisted.key);
    if (!shard || this.fingerprintOf(shard) !== persisted.builtFrom) return false;
    try {
      this.read(shard, persisted.encoded);
    } catch {
      return false;
    }
    shard.builtFrom = persisted.builtFrom;
    this.fromDisk.add(shard.key);
    this.dirty.delete(shard.key);
    return true;
  }

  shardKeys(): string[] {
    return [...this.shards.keys()].filter((key) => !isDelta(key));
  }

  private shard(key: string): Shard {
    let shard = this.shards.get(key);
    if (!shard) {
      shard = { key, group: key.split('-')[0] as LanguageGroup, refs: new Set(), index: null, members: [], builtFrom: null, encoded: null };
      this.shards.set(key, shard);
    }
    return shard;
  }

  private detach(doc: SearchDoc, viaDelta = true): void {
    const key = this.shardKey(doc);
    const shard = this.shards.get(key);
    if (!shard) return;
    shard.refs.delete(doc.ref);
    const delta = this.shards.get(`${shard.group}-delta`);
    if (delta?.refs.delete(doc.ref)) this.dirty.add(delta.key);
    if (viaDelta && shard.index) {
      this.stale.add(key);
      this.hidden.add(doc.ref);
    } else {
      this.dirty.add(key);
    }
  }

  private fingerprintOf(shard: Shard): string {
    const prints = [...shard.refs].sort().map((ref) => `${ref}=${this.docs.get(ref)?.fingerprint}`);
    return createHash('sha256').update(`v${ANALYZER_VERSION}\n${prints.join('\n')}`).digest('hex').slice(0, 24);
  }

  private build(key: string): void {
    this.fromDisk.delete(key);
    const shard = this.shards.get(key);
    if (!shard) return;
    if (shard.refs.size === 0) {
      this.shards.delete(key);
      return;
    }
    const lunr = setupLunr();
    const builder = new lunr.Builder();
    configureBuilder(builder, shard.group);
    builder.ref('ref');
    for (const field of FIELDS) builder.field(field.name, { boost: field.boost });
    for (const ref of shard.refs) {
      const doc = this.docs.get(ref);
      if (!doc) continue;
      // An annotation shows its source's title but is found by its own words: the title is the source's to match.
      builder.add({ ref, title: doc.kind === 'annotation' ? '' : doc.title, tags: doc.tags.join(' · '), people: [doc.publisher ?? '', ...doc.authors].join(' · '), comment: doc.comment, body: doc.body, cites: (doc.cites ?? []).join(' · ') });
    }
    // The built index is kept in its compact form only: a fraction of the memory, and ready to store.
    this.read(shard, encodeIndex(builder.build()));
    shard.builtFrom = this.fingerprintOf(shard);
  }

  /** Gives a shard its index from the stored form (throws, changing nothing, if that cannot be read). */
  private read(shard: Shard, encoded: string): void {
    const reader = new ShardReader(encoded);
    shard.index = reader;
    shard.members = reader.refs.map((ref) => this.docs.get(ref));
    shard.encoded = encoded;
  }
}
