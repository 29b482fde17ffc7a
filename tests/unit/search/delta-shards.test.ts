import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex } from '../../../electron/search/search-index.ts';
import type { SearchDoc } from '../../../electron/search/search-documents.ts';

function doc(n: number, body: string): SearchDoc {
  return { ref: `note:n${n}`, kind: 'note', id: `n${n}`, title: `Note ${n}`, body, comment: '', tags: [], codes: [], authors: [], language: 'en', fingerprint: `${n}:${body}` };
}

const refs = (index: SearchIndex, text: string) => index.search({ text }).hits.map((h) => h.ref).sort();

test('an edit goes through a small delta shard: found at once, the old version hidden, the big shard rebuilt on compaction', () => {
  const index = new SearchIndex();
  index.upsert(Array.from({ length: 50 }, (_, n) => doc(n, `Ordinary text number ${n} about border police.`)));
  const built = index.flush();
  assert.ok(built.length >= 1);

  index.upsert([doc(7, 'Rewritten: now about Savannakhet checkpoints.')]);
  const rebuilt = index.flush();
  assert.deepEqual(rebuilt, ['en-delta'], 'only the delta shard is built for an edit');
  assert.deepEqual(refs(index, 'savannakhet'), ['note:n7']);
  assert.ok(!refs(index, 'police').includes('note:n7'), 'the old version, still in the big shard, is not returned');
  assert.equal(refs(index, 'police').length, 49);
  assert.equal(index.staleShards, 1);
  assert.ok(!index.persistable().some((s) => s.key === 'en-delta'), 'delta shards are never stored');

  index.remove(['note:n8']);
  index.flush();
  assert.ok(!refs(index, 'police').includes('note:n8'));

  const compacted = index.compact();
  assert.ok(compacted.some((key) => key.startsWith('en-1')), `compaction rebuilds the big shard: ${compacted.join(', ')}`);
  assert.equal(index.staleShards, 0);
  assert.deepEqual(refs(index, 'savannakhet'), ['note:n7']);
  assert.equal(refs(index, 'police').length, 48);
  assert.ok(index.persistable().length >= 1);
});

test('compaction can go one shard at a time, so that a query waits for one shard at most; the delta shards go when none is left', () => {
  const index = new SearchIndex();
  const french = (n: number, body: string): SearchDoc => ({ ...doc(n, body), ref: `note:f${n}`, id: `f${n}`, language: 'fr' });
  index.upsert([...Array.from({ length: 10 }, (_, n) => doc(n, `English text ${n} about border police.`)), ...Array.from({ length: 10 }, (_, n) => french(n, `Texte français ${n} sur la police des frontières.`))]);
  index.flush();
  index.upsert([doc(1, 'Edited: Savannakhet.'), french(2, 'Modifié : Savannakhet.')]);
  index.flush();
  assert.equal(index.staleShards, 2);

  const first = index.compact(undefined, 1);
  assert.equal(first.filter((key) => !key.endsWith('-delta')).length, 1, `one big shard rebuilt: ${first.join(', ')}`);
  assert.equal(index.staleShards, 1);
  assert.deepEqual(refs(index, 'savannakhet'), ['note:f2', 'note:n1'], 'both edits stay found while compaction is under way');

  index.compact(undefined, 1);
  assert.equal(index.staleShards, 0);
  assert.deepEqual(refs(index, 'savannakhet'), ['note:f2', 'note:n1']);
  assert.equal(refs(index, 'police').length, 18);
});

test('a document ranks as well in a small delta shard as in its big one: rarity is the vault’s, not the shard’s', () => {
  const index = new SearchIndex();
  const body = (n: number) => `Ordinary text number ${n} about border police and the ${n % 2 ? 'northern' : 'southern'} provinces.`;
  index.upsert(Array.from({ length: 40 }, (_, n) => doc(n, n === 7 || n === 12 ? `${body(n)} Savannakhet.` : body(n))));
  index.flush();
  const scores = () => Object.fromEntries(index.search({ text: 'savannakhet police' }).hits.map((h) => [h.ref, h.score]));
  const before = scores();
  assert.ok(Math.abs(before['note:n7']! - before['note:n12']!) < 0.05 * before['note:n12']!, 'two documents alike score alike');

  index.upsert([doc(7, `${body(7)} Savannakhet. Reviewed.`)]);
  index.flush();
  assert.equal(index.staleShards, 1, 'the edit went to the delta shard');
  const during = scores();
  assert.ok(during['note:n7']! > 0.9 * during['note:n12']!, `the edited document is not sunk by its one-document shard: ${during['note:n7']} vs ${during['note:n12']}`);
  assert.deepEqual(index.search({ text: 'savannakhet' }).hits.map((h) => h.ref).sort(), ['note:n12', 'note:n7']);
});
