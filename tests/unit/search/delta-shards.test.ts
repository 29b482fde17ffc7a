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
