import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configureBuilder } from '../../../electron/search/analyzers.ts';
import { decodeIndex, encodeIndex } from '../../../electron/search/compact-index.ts';
import { setupLunr } from '../../../electron/search/lunr-setup.ts';
import { FIELDS, SearchIndex } from '../../../electron/search/search-index.ts';
import type { SearchDoc } from '../../../electron/search/search-documents.ts';

const TEXTS = [
  ['Traite des êtres humains', 'La police de Hà Nội a démantelé un réseau de traite; les victimes, des femmes de Đà Nẵng, ont été rapatriées.'],
  ['Le processus COMMIT', 'Les six pays du Mékong signent un nouveau plan d’action contre la traite des personnes à Phnom Penh.'],
  ['Formation des enquêteurs', 'Des enquêteurs thaïlandais et cambodgiens se forment à l’identification des victimes aux frontières.'],
  ['Rapport annuel', 'Le rapport recense 1 200 victimes identifiées; 300 trafiquants ont été poursuivis en 2024.'],
  ['Vương et Nguyễn', 'Les témoignages de Vương Thị Lan et de Nguyễn Văn Minh décrivent le recrutement par des agences.'],
];

function lunrIndex() {
  const lunr = setupLunr();
  const builder = new lunr.Builder();
  configureBuilder(builder, 'fr');
  builder.ref('ref');
  for (const field of FIELDS) builder.field(field.name, { boost: field.boost });
  TEXTS.forEach(([title, body], i) => builder.add({ ref: `source:s${i}`, title, tags: i % 2 ? 'frontière' : '', people: '', comment: '', body }));
  return builder.build();
}

const QUERIES = ['traite', 'victimes', 'tra*', 'enqueteur~1', 'title:rapport', '+traite -mekong', '-traite', 'hanoi', 'nguyen vuong', 'frontiere', 'zzz'];

test('a stored index answers every query form exactly as the Lunr index it was made from', () => {
  const original = lunrIndex();
  const text = encodeIndex(original);
  const decoded = decodeIndex(text);
  for (const query of QUERIES) {
    const expected = original.search(query).map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));
    const actual = decoded.search(query).map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));
    assert.deepEqual(actual, expected, `query ${query}`);
  }
  assert.ok(decoded.search('traite').length >= 2, 'the comparison is not between two empty answers');
  // And again: what was decoded on first use is reused, unchanged.
  assert.deepEqual(decoded.search('victimes').map((r) => r.score), original.search('victimes').map((r) => r.score));
});

test('the stored form is much smaller than Lunr’s own JSON', () => {
  const original = lunrIndex();
  const lunrJson = JSON.stringify(original).length;
  const compact = encodeIndex(original).length;
  assert.ok(compact < lunrJson * 0.7, `compact ${compact} bytes, Lunr JSON ${lunrJson} bytes`);
});

test('what is not an index in this format is refused, not half-read', () => {
  const original = lunrIndex();
  assert.throws(() => decodeIndex(JSON.stringify(original)), /not a Carnet search index/);
  assert.throws(() => decodeIndex('{"format":"carnet-lunr-1"'), SyntaxError);
  const parsed = JSON.parse(encodeIndex(original)) as { vectors: string[]; lunr: string };
  assert.throws(() => decodeIndex(JSON.stringify({ ...parsed, vectors: parsed.vectors.slice(1) })), /not a Carnet search index/);
  assert.throws(() => decodeIndex(JSON.stringify({ ...parsed, lunr: '1.0.0' })), /Lunr 1\.0\.0/);
});

function doc(n: number, body: string): SearchDoc {
  return { ref: `note:n${n}`, kind: 'note', id: `n${n}`, title: `Note ${n}`, body, comment: '', tags: [], codes: [], authors: [], language: 'fr', fingerprint: `${n}:${body}` };
}

test('a stored shard damaged inside (valid JSON, wrong numbers) is rebuilt from the documents when a query reaches it', () => {
  const docs = Array.from({ length: 20 }, (_, n) => doc(n, `Rapport numéro ${n} sur la traite des personnes au Laos.`));
  const first = new SearchIndex();
  first.upsert(docs);
  first.flush();
  const [stored] = first.persistable();
  assert.ok(stored);
  const parsed = JSON.parse(stored.encoded) as { postings: string[]; tokenSet: { targets: string[] } };
  const damaged = JSON.stringify({ ...parsed, postings: parsed.postings.map(() => 'zz,!!;;;;'), tokenSet: { ...parsed.tokenSet, targets: parsed.tokenSet.targets.map((t) => t.replace(/[0-9a-z]+/g, 'zzzz')) } });

  const second = new SearchIndex();
  second.upsert(docs);
  second.rebalance();
  assert.equal(second.adopt({ ...stored, encoded: damaged }), true, 'the damage is not visible before a query');
  second.flush();
  const results = second.search({ text: 'traite' });
  assert.equal(results.total, 20);
  assert.equal(results.hits[0]?.snippet.highlights.length, 1);
});
