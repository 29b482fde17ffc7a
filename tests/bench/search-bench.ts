/**
 * Search benchmark, side by side in one run on the same corpus: Carnet's sharded index, a single
 * Lunr index rebuilt on every change (the naive way), and MiniSearch. Prints build time, cold start
 * to first result, query latency p50/p95 per query form, edit → searchable, size on disk versus
 * text, heap used, and known-item MRR@10. Sizes: CARNET_BENCH_SIZES (default "1000,10000").
 * Run with `npm run bench`; never part of pass/fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { configureBuilder } from '../../electron/search/analyzers.ts';
import { createEngine, type StoredShard } from '../../electron/search/search-engine.ts';
import { fold, setupLunr } from '../../electron/search/lunr-setup.ts';
import { wordListLoads } from '../../electron/search/glued-words.ts';
import { prepareQuery } from '../../electron/search/search-query.ts';
import type { SearchDoc } from '../../electron/search/search-documents.ts';
import { buildCorpus } from './search-corpus.ts';

const SIZES = (process.env.CARNET_BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const QUERIES_PER_FORM = 100;
const KNOWN_ITEMS = 200;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

function timeIt<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** Content words of a document, for queries and known items. */
function wordsOf(doc: SearchDoc): string[] {
  return doc.body.split(/[^\p{L}]+/u).filter((w) => w.length >= 5 && w.length <= 14);
}

interface Engine {
  name: string;
  build(docs: SearchDoc[]): void;
  /** Refs of the results, best first. */
  query(form: string, text: string): string[];
  edit(doc: SearchDoc): void;
  size(): number;
  cold?(): [number, string[]];
}

function carnet(dir: string): Engine {
  let engine = createEngine();
  const run = (text: string, asYouType = false) => (engine({ type: 'search', query: { text, asYouType, limit: 10 } }) as { hits: { ref: string }[] }).hits.map((h) => h.ref);
  let all: SearchDoc[] = [];
  const persist = () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const shards = engine({ type: 'export', keys: (engine({ type: 'update', upsert: [], remove: [] }) as { shards: string[] }).shards }) as StoredShard[];
    for (const shard of shards) fs.writeFileSync(path.join(dir, `shard-${shard.key}.json`), `${JSON.stringify({ key: shard.key, builtFrom: shard.builtFrom })}\n${shard.json}`);
  };
  return {
    name: 'Carnet (sharded Lunr)',
    build(docs) {
      all = docs;
      engine({ type: 'load', docs, stored: [] });
      persist();
    },
    query: (form, text) => run(text, form === 'prefix'),
    edit(doc) {
      engine({ type: 'update', upsert: [doc], remove: [] });
    },
    size: () => fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0),
    cold() {
      const start = performance.now();
      const stored = fs.readdirSync(dir).map((name) => {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        const newline = text.indexOf('\n');
        const header = JSON.parse(text.slice(0, newline)) as { key: string; builtFrom: string };
        return { ...header, json: text.slice(newline + 1) };
      });
      engine = createEngine();
      engine({ type: 'load', docs: all, stored });
      const hits = run('traite');
      return [performance.now() - start, hits];
    },
  };
}

function naiveLunr(): Engine {
  const lunr = setupLunr();
  let index: ReturnType<typeof lunr.Builder.prototype.build> | null = null;
  const docs = new Map<string, SearchDoc>();
  const rebuild = () => {
    const builder = new lunr.Builder();
    configureBuilder(builder, 'en');
    builder.ref('ref');
    builder.field('title', { boost: 6 });
    builder.field('body');
    for (const doc of docs.values()) builder.add({ ref: doc.ref, title: doc.title, body: doc.body });
    index = builder.build();
  };
  return {
    name: 'One Lunr index, rebuilt on change',
    build(all) {
      for (const doc of all) docs.set(doc.ref, doc);
      rebuild();
    },
    query(form, text) {
      try {
        return (index?.search(prepareQuery(text, form === 'prefix').lunrQuery) ?? []).slice(0, 10).map((r) => r.ref);
      } catch {
        return [];
      }
    },
    edit(doc) {
      docs.set(doc.ref, doc);
      rebuild();
    },
    size: () => JSON.stringify(index).length,
  };
}

function miniSearch(): Engine {
  const make = () =>
    new MiniSearch<SearchDoc>({
      idField: 'ref',
      fields: ['title', 'body'],
      processTerm: (term) => fold(term),
      searchOptions: { boost: { title: 6 } },
    });
  let index = make();
  return {
    name: 'MiniSearch',
    build(docs) {
      index = make();
      index.addAll(docs);
    },
    query(form, text) {
      const options = form === 'prefix' ? { prefix: (t: string) => t === fold(text.split(/\s+/).pop() ?? '') } : form === 'fuzzy' ? { fuzzy: 0.2 } : form === 'phrase' || form === 'multi' ? { combineWith: 'AND' as const } : {};
      return index.search(text.replace(/~\d$/, '').replace(/["*]/g, ''), options).slice(0, 10).map((r) => String(r.id));
    },
    edit(doc) {
      if (index.has(doc.ref)) index.discard(doc.ref);
      index.add(doc);
    },
    size: () => JSON.stringify(index).length,
  };
}

/** Queries of each form, drawn from the corpus' own words. */
function queries(docs: SearchDoc[], rand: () => number): Record<string, string[]> {
  const pick = () => {
    const words = wordsOf(docs[Math.floor(rand() * docs.length)]!);
    return words.length ? words[Math.floor(rand() * words.length)]! : 'fichier';
  };
  const forms: Record<string, string[]> = { exact: [], multi: [], prefix: [], fuzzy: [], phrase: [] };
  for (let i = 0; i < QUERIES_PER_FORM; i++) {
    forms.exact!.push(pick());
    forms.multi!.push(`${pick()} ${pick()} ${pick()}`);
    forms.prefix!.push(pick().slice(0, 4));
    forms.fuzzy!.push(`${pick()}~1`);
    const doc = docs[Math.floor(rand() * docs.length)]!;
    const words = doc.body.split(/\s+/).filter((w) => /^[\p{L}]{3,}$/u.test(w));
    const at = Math.floor(rand() * Math.max(1, words.length - 2));
    forms.phrase!.push(`"${words.slice(at, at + 2).join(' ') || 'le fichier'}"`);
  }
  return forms;
}

type KnownItem = { ref: string; query: string };

/**
 * Known items: a random passage of a document, three of its words with accents stripped and
 * inflection changed (a plural made singular, a singular plural); where does the document rank?
 * Two ways of choosing the words (after Azzopardi, de Rijke and Balog, SIGIR 2007): any three
 * (`random`: most of them words every man page has), or the passage's three rarest in the corpus
 * (`discriminative`: closer to what a reader remembers of a text, a name, an unusual word).
 */
function knownItems(docs: SearchDoc[], rand: () => number): { random: KnownItem[]; discriminative: KnownItem[] } {
  const df = new Map<string, number>();
  for (const doc of docs) for (const word of new Set(wordsOf(doc).map(fold))) df.set(word, (df.get(word) ?? 0) + 1);
  const inflect = (w: string) => {
    const bare = fold(w);
    return bare.endsWith('s') ? bare.slice(0, -1) : `${bare}s`;
  };
  const random: KnownItem[] = [];
  const discriminative: KnownItem[] = [];
  while (random.length < KNOWN_ITEMS) {
    const doc = docs[Math.floor(rand() * docs.length)]!;
    const words = wordsOf(doc);
    if (words.length < 40) continue;
    const at = Math.floor(rand() * (words.length - 30));
    const passage = words.slice(at, at + 30);
    random.push({ ref: doc.ref, query: [passage[0]!, passage[3]!, passage[6]!].map(inflect).join(' ') });
    const chosen = [...new Set(passage.map(fold))].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0)).slice(0, 3);
    discriminative.push({ ref: doc.ref, query: chosen.map(inflect).join(' ') });
  }
  return { random, discriminative };
}

function mrr(engine: Engine, items: KnownItem[]): number {
  let sum = 0;
  for (const item of items) {
    const rank = engine.query('multi-or', item.query).indexOf(item.ref);
    if (rank !== -1 && rank < 10) sum += 1 / (rank + 1);
  }
  return sum / items.length;
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-bench-search-'));
try {
  console.log(`Search benchmark on ${os.cpus().length} cores, Node ${process.version}${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for steadier heap figures)'}`);
  for (const size of SIZES) {
    const [{ docs, sources }, corpusMs] = timeIt(() => buildCorpus(size));
    const textBytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.title) + Buffer.byteLength(d.body), 0);
    console.log(`\n## ${docs.length} documents (${(textBytes / 1048576).toFixed(1)} MB of text, ${docs.filter((d) => d.language === 'fr').length} French; from ${sources}; corpus made in ${(corpusMs / 1000).toFixed(1)} s)\n`);
    const rand = random(size);
    const forms = queries(docs, rand);
    const items = knownItems(docs, rand);
    const rows: string[] = [];
    for (const engine of [carnet(path.join(temp, `carnet-${size}`)), naiveLunr(), miniSearch()]) {
      const heapBefore = heapMB();
      const [, buildMs] = timeIt(() => engine.build(docs));
      const heap = heapMB() - heapBefore;
      const latency: Record<string, [number, number]> = {};
      for (const [form, list] of Object.entries(forms)) {
        const times = list.map((q) => timeIt(() => engine.query(form, q))[1]);
        latency[form] = [percentile(times, 50), percentile(times, 95)];
      }
      const edits: number[] = [];
      for (let i = 0; i < 5; i++) {
        const target = docs[Math.floor(rand() * docs.length)]!;
        const marker = `zorglub${i}x${size}`;
        const edited = { ...target, body: `${target.body} ${marker}`, fingerprint: `${target.fingerprint}-${i}` };
        const start = performance.now();
        engine.edit(edited);
        const found = engine.query('exact', marker).includes(edited.ref);
        edits.push(found ? performance.now() - start : Number.NaN);
      }
      // Cold start, three times: the median is reported.
      const colds = engine.cold ? [engine.cold(), engine.cold(), engine.cold()] : [];
      const cold = colds.length ? ([percentile(colds.map((c) => c[0]), 50), colds[0]![1]] as const) : undefined;
      const quality = `${mrr(engine, items.discriminative).toFixed(3)} / ${mrr(engine, items.random).toFixed(3)}`;
      rows.push(
        `| ${engine.name} | ${(buildMs / 1000).toFixed(2)} s | ${cold ? `${ms(cold[0])} ms` : '—'} | ${ms(latency.exact![0])} / ${ms(latency.exact![1])} | ${ms(latency.multi![0])} / ${ms(latency.multi![1])} | ${ms(latency.prefix![0])} / ${ms(latency.prefix![1])} | ${ms(latency.fuzzy![0])} / ${ms(latency.fuzzy![1])} | ${ms(latency.phrase![0])} / ${ms(latency.phrase![1])} | ${ms(percentile(edits, 50))} ms | ${(engine.size() / textBytes).toFixed(2)}× | ${heap.toFixed(0)} MB | ${quality} |`,
      );
    }
    console.log('| engine | full build | cold start → first result | exact p50/p95 ms | multi-term | prefix | fuzzy | phrase | edit → searchable (p50) | index / text | heap | known-item MRR@10 (discriminative / random words) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
  }
  console.log(`\nGlued-word lists (loaded once per worker, for the languages indexed; in Carnet's build time and heap above): ${wordListLoads().map((l) => `${l.language} ${l.words} words in ${ms(l.ms)} ms, ${(l.bytes / 1048576).toFixed(1)} MB`).join('; ') || 'none loaded'}`);
} finally {
  fs.rmSync(temp, { recursive: true, force: true });
}
