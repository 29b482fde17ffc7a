import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../../electron/search/search-index.ts';
import type { SearchDoc } from '../../../electron/search/search-documents.ts';
import type { SearchQuery } from '../../../electron/search/search-types.ts';

function doc(fields: Partial<SearchDoc> & Pick<SearchDoc, 'ref' | 'kind' | 'title' | 'body'>): SearchDoc {
  return { id: fields.ref.split(':').pop() ?? '', comment: '', tags: [], codes: [], authors: [], language: 'en', fingerprint: fields.ref, ...fields };
}

const index = new SearchIndex();
index.upsert([
  doc({ ref: 'source:a', kind: 'source', title: 'Regional cooperation in the digital era', body: 'Ministers met in Hanoi. Regional cooperation against trafficking must adapt to the digital era, they said.', publisher: 'VNA', date: '2025-11-19', codes: ['c1'] }),
  doc({ ref: 'source:b', kind: 'source', title: 'Police training across borders', body: 'The cooperation of police forces was regional in scope. Training continues in 2026.', publisher: 'Mekong Monitor', date: '2024-03-02' }),
  doc({ ref: 'note:n', kind: 'note', title: 'My reading notes', body: 'Regional cooperation is the main theme of IMM6.', tags: ['imm6', 'to-check'], date: '2026-01-10' }),
  doc({ ref: 'annotation:a:x', kind: 'annotation', sourceId: 'a', title: 'Regional cooperation in the digital era', body: 'the digital era', comment: 'Key phrase of the theme', tags: ['Digital era'], codes: ['c2'], date: '2025-11-19' }),
  doc({ ref: 'source:fr', kind: 'source', language: 'fr', title: 'La coopération régionale', body: 'La coopération régionale contre la traite des êtres humains.', publisher: 'VNA', date: '2025-11-20' }),
]);
index.flush();

const refs = (query: Partial<SearchQuery> & { text: string }) => index.search(query).hits.map((h) => h.ref);

test('field queries, required and excluded terms, wildcards and fuzzy terms', () => {
  assert.deepEqual(refs({ text: 'title:police' }), ['source:b']);
  assert.deepEqual(refs({ text: '+training +police' }), ['source:b']);
  assert.ok(!refs({ text: 'cooperation -digital' }).includes('source:a'));
  assert.ok(refs({ text: 'cooperation -digital' }).includes('source:b'));
  assert.deepEqual(refs({ text: 'trafick~2' }), ['source:a']);
  assert.deepEqual(refs({ text: 'train*' }), ['source:b']);
});

test('quoted phrases must appear as written, checked in the text', () => {
  assert.deepEqual(refs({ text: '"regional cooperation"' }).sort(), ['note:n', 'source:a']);
  assert.ok(!refs({ text: '"regional cooperation"' }).includes('source:b'), 'both words, but not side by side');
  assert.deepEqual(refs({ text: '"coopération régionale"' }), ['source:fr']);
  assert.deepEqual(refs({ text: '"cooperation regionale"' }), ['source:fr'], 'phrases fold accents too');
});

test('search as you type: the last word is also a prefix', () => {
  assert.deepEqual(refs({ text: 'trainin', asYouType: true }), ['source:b']);
  assert.deepEqual(refs({ text: 'trainin' }), []);
  assert.deepEqual(refs({ text: 'police trai', asYouType: true })[0], 'source:b');
});

test('titles and codes weigh more than bodies', () => {
  const hits = index.search({ text: 'police' }).hits;
  assert.equal(hits[0]?.ref, 'source:b');
  const era = index.search({ text: 'era' }).hits.map((h) => h.ref);
  assert.equal(era[0], 'source:a', 'the title match ranks first');
});

test('filters by kind, code, tag, publisher, language and date range, with counts per kind', () => {
  const all = index.search({ text: 'cooperation' });
  assert.deepEqual(all.counts, { source: 3, note: 1, annotation: 0 });
  assert.deepEqual(refs({ text: 'cooperation', kinds: ['note'] }), ['note:n']);
  assert.deepEqual(index.search({ text: 'cooperation', kinds: ['note'] }).counts, all.counts, 'counts stay those of every kind');
  assert.deepEqual(refs({ text: 'digital', codes: ['c2'] }), ['annotation:a:x']);
  assert.deepEqual(refs({ text: 'cooperation', tags: ['IMM6'] }), ['note:n']);
  assert.deepEqual(refs({ text: 'cooperation', publishers: ['vna'] }).sort(), ['source:a', 'source:fr']);
  assert.deepEqual(refs({ text: 'cooperation', languages: ['fr'] }), ['source:fr']);
  assert.deepEqual(refs({ text: 'cooperation', from: '2025-01-01', to: '2025-12-31' }).sort(), ['source:a', 'source:fr']);
});

test('snippets come from the matched positions, with the words to highlight', () => {
  const [hit] = index.search({ text: 'trafficking' }).hits;
  assert.ok(hit);
  const [start, end] = hit.snippet.highlights[0] ?? [0, 0];
  assert.equal(hit.snippet.text.slice(start, end), 'trafficking');
  const body = 'Ministers met in Hanoi. Regional cooperation against trafficking must adapt to the digital era, they said.';
  assert.deepEqual(hit.bodyMatches.map(([s, e]) => body.slice(s, e)), ['trafficking']);
  const [titled] = index.search({ text: 'police' }).hits;
  assert.deepEqual(titled?.titleHighlights, [[0, 6]]);
});

test('a query Lunr cannot read gets a readable message, never an exception', () => {
  for (const text of ['title:', 'word~x', '+']) {
    const result = index.search({ text });
    assert.equal(result.hits.length, 0, text);
    assert.match(result.error ?? '', /This search cannot be read: .+ Use words, "a phrase"/, text);
  }
  assert.deepEqual(index.search({ text: '   ' }).hits, []);
});

test('a colon after a word that names no field is punctuation: a title typed as it reads ("COMMIT: six…") searches its words', () => {
  for (const text of ['Police: trafficking', 'nofield:trafficking']) {
    const result = index.search({ text, asYouType: true });
    assert.equal(result.error, undefined, text);
    assert.ok(result.hits.length > 0, text);
  }
});

test('a document with all the words of a query ranks above one with fewer, however rare those are', () => {
  const ranked = new SearchIndex();
  ranked.upsert([
    // Two rare words, in the title: Lunr alone scores this one highest.
    doc({ ref: 'source:rare', kind: 'source', title: 'Savannakhet Savannakhet checkpoint', body: 'Savannakhet checkpoint, Savannakhet checkpoint.' }),
    doc({ ref: 'source:all', kind: 'source', title: 'Field visit', body: 'At the Savannakhet checkpoint, officers interviewed returning workers about brokers and fees in a long day of visits.' }),
    ...Array.from({ length: 20 }, (_, n) => doc({ ref: `source:o${n}`, kind: 'source', title: `Other ${n}`, body: `Officers at work ${n}.` })),
  ]);
  ranked.flush();
  const hits = ranked.search({ text: 'savannakhet checkpoint officers' }).hits;
  assert.equal(hits[0]?.ref, 'source:all');
  assert.equal(hits[1]?.ref, 'source:rare');
  assert.ok(hits[1]!.score > hits[0]!.score, 'Lunr’s own score would have put the other first: the test tells the orders apart');
});

test('a source dated by its year or month alone is found by any date filter that overlaps it', () => {
  const partial = new SearchIndex();
  partial.upsert([
    doc({ ref: 'source:y', kind: 'source', title: 'Annual report', body: 'Annual report on trafficking.', date: '2019' }),
    doc({ ref: 'source:m', kind: 'source', title: 'Monthly bulletin', body: 'Monthly bulletin on trafficking.', date: '2019-06' }),
  ]);
  partial.flush();
  const found = (from?: string, to?: string) => partial.search({ text: 'trafficking', ...(from ? { from } : {}), ...(to ? { to } : {}) }).hits.map((h) => h.ref).sort();
  assert.deepEqual(found('2019-01-01', '2019-12-31'), ['source:m', 'source:y']);
  assert.deepEqual(found('2019-06-15'), ['source:m', 'source:y'], 'a day inside the month and the year');
  assert.deepEqual(found('2019-07-01'), ['source:y']);
  assert.deepEqual(found(undefined, '2018-12-31'), []);
  assert.deepEqual(found('2020-01-01'), []);
});
