import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configureBuilder, type LanguageGroup } from '../../../electron/search/analyzers.ts';
import { encodeIndex, ShardReader } from '../../../electron/search/compact-index.ts';
import { setupLunr } from '../../../electron/search/lunr-setup.ts';
import { FIELDS, SearchIndex } from '../../../electron/search/search-index.ts';
import type { SearchDoc } from '../../../electron/search/search-documents.ts';

const TEXTS = [
  ['Traite des êtres humains', 'La police de Hà Nội a démantelé un réseau de traite; les victimes, des femmes de Đà Nẵng, ont été rapatriées.'],
  ['Le processus COMMIT', 'Les six pays du Mékong signent un nouveau plan d’action contre la traite des personnes à Phnom Penh.'],
  ['Formation des enquêteurs', 'Des enquêteurs thaïlandais et cambodgiens se forment à l’identification des victimes aux frontières.'],
  ['Rapport annuel', 'Le rapport recense 1 200 victimes identifiées; 300 trafiquants ont été poursuivis en 2024.'],
  ['Vương et Nguyễn', 'Les témoignages de Vương Thị Lan et de Nguyễn Văn Minh décrivent le recrutement par des agences.'],
  ['Border checkpoints', 'Police officers at the Savannakhet border checkpoint were trained to identify victims of trafficking.'],
  ['Annual report', 'The report counts victims identified and traffickers prosecuted across the Mekong region in 2024.'],
];

/** Documents made from the sentences above, mixed, so that terms are shared unevenly across fields. */
function corpus(): { ref: string; title: string; tags: string; people: string; comment: string; body: string }[] {
  let state = 42;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: 60 }, (_, i) => {
    const pick = () => TEXTS[Math.floor(next() * TEXTS.length)]!;
    const [title] = pick();
    const body = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick()[1]).join(' ');
    return { ref: `source:s${i}`, title: title!, tags: i % 3 ? 'frontière · police' : '', people: i % 4 ? '' : 'Nguyễn Văn Minh', comment: i % 5 ? '' : pick()[1]!, body };
  });
}

function lunrIndex(group: LanguageGroup) {
  const lunr = setupLunr();
  const builder = new lunr.Builder();
  configureBuilder(builder, group);
  builder.ref('ref');
  for (const field of FIELDS) builder.field(field.name, { boost: field.boost });
  for (const doc of corpus()) builder.add(doc);
  return builder.build();
}

const QUERIES = [
  'traite', 'victimes', 'victims', 'tra*', '*ime*', 'enqueteur~1', 'poliec~2', 'title:rapport', 'body:police title:report', 'people:nguyen',
  '+traite -mekong', '+police +victims', '+zzz traite', '-traite', '-traite -police', 'traite^5 police', 'hanoi', 'ha noi', 'nguyen vuong',
  'frontiere', 'zzz', 'tags:frontiere +body:savannakhet', '+title:annual -body:2024 victims',
];

test('a stored shard answers every Lunr query form as the Lunr index it was made from: same documents, same order, same scores, same matched terms', () => {
  for (const group of ['fr', 'en'] as const) {
    const original = lunrIndex(group);
    const reader = new ShardReader(encodeIndex(original));
    for (const query of QUERIES) {
      const expected = original.search(query);
      const answer = reader.search(query);
      const actual = [...answer.hits].sort((a, b) => b.score - a.score);
      assert.equal(actual.length, expected.length, `${group} ${query}: number of results`);
      expected.forEach((result, i) => {
        const hit = actual[i]!;
        assert.ok(Math.abs(hit.score - result.score) < 1e-9, `${group} ${query}: score of result ${i} ${hit.score} vs ${result.score}`);
        const ref = reader.refs[hit.doc]!;
        // Equal scores may come in either order; the same documents must be there.
        if (ref !== result.ref) assert.ok(Math.abs(expected.find((r) => r.ref === ref)!.score - result.score) < 1e-9, `${group} ${query}: ${ref} in place of ${result.ref}`);
        const metadata = expected.find((r) => r.ref === ref)!.matchData.metadata as Record<string, Record<string, unknown>>;
        for (const field of ['title', 'body', 'comment', 'tags']) {
          const terms = Object.keys(metadata).filter((term) => field in metadata[term]!).sort();
          assert.deepEqual(answer.termsOf(hit.doc, field).sort(), terms, `${group} ${query}: terms matched in ${field} of ${ref}`);
        }
      });
    }
    assert.ok(original.search('police').length >= 10, 'the comparison is not between two empty answers');
  }
});

test('a query Lunr cannot read is refused by the stored shard with Lunr’s own error', () => {
  const lunr = setupLunr();
  const reader = new ShardReader(encodeIndex(lunrIndex('fr')));
  for (const bad of ['title:', 'nofield:traite', 'traite^x', 'traite~']) {
    assert.throws(() => reader.search(bad), (error: unknown) => error instanceof lunr.QueryParseError, bad);
  }
});

test('the stored form is much smaller than Lunr’s own JSON', () => {
  const original = lunrIndex('fr');
  const lunrJson = JSON.stringify(original).length;
  const compact = encodeIndex(original).length;
  assert.ok(compact < lunrJson * 0.6, `compact ${compact} bytes, Lunr JSON ${lunrJson} bytes`);
});

test('what is not an index in this format is refused, not half-read', () => {
  const original = lunrIndex('fr');
  assert.throws(() => new ShardReader(JSON.stringify(original)), /not a Carnet search index/);
  assert.throws(() => new ShardReader('{"format":"carnet-lunr-2"'), SyntaxError);
  const parsed = JSON.parse(encodeIndex(original)) as { postings: string[]; lunr: string };
  assert.throws(() => new ShardReader(JSON.stringify({ ...parsed, postings: parsed.postings.slice(1) })), /not a Carnet search index/);
  assert.throws(() => new ShardReader(JSON.stringify({ ...parsed, lunr: '1.0.0' })), /Lunr 1\.0\.0/);
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
  const parsed = JSON.parse(stored.encoded) as { postings: string[] };
  const damaged = JSON.stringify({ ...parsed, postings: parsed.postings.map(() => 'zz:!!;;;;') });

  const second = new SearchIndex();
  second.upsert(docs);
  second.rebalance();
  assert.equal(second.adopt({ ...stored, encoded: damaged }), true, 'the damage is not visible before a query');
  second.flush();
  const results = second.search({ text: 'traite' });
  assert.equal(results.total, 20);
  assert.equal(results.hits[0]?.snippet.highlights.length, 1);
});
