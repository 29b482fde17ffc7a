import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentPlace, historyReducer, initialHistory, placeFromCarnetUrl, type History } from '../../../renderer/app/navigation.ts';

test('back and forward walk the history like a browser; going somewhere new drops the forward entries', () => {
  let h: History = initialHistory;
  h = historyReducer(h, { type: 'go', place: { kind: 'note', id: 'a' } });
  h = historyReducer(h, { type: 'go', place: { kind: 'source', id: 's' } });
  h = historyReducer(h, { type: 'back' });
  assert.deepEqual(currentPlace(h), { kind: 'note', id: 'a' });
  h = historyReducer(h, { type: 'forward' });
  assert.deepEqual(currentPlace(h), { kind: 'source', id: 's' });
  h = historyReducer(h, { type: 'back' });
  h = historyReducer(h, { type: 'go', place: { kind: 'code', id: 'c' } });
  assert.equal(h.entries.length, 3);
  assert.deepEqual(historyReducer(h, { type: 'forward' }), h);
});

test('a deleted item leaves the history', () => {
  let h: History = initialHistory;
  for (const id of ['a', 'b', 'c']) h = historyReducer(h, { type: 'go', place: { kind: 'note', id } });
  h = historyReducer(h, { type: 'drop', kind: 'note', id: 'c' });
  assert.deepEqual(currentPlace(h), { kind: 'note', id: 'b' });
  assert.ok(!h.entries.some((p) => 'id' in p && p.id === 'c'));
});

test('citation links open the source at the annotation; other links are not places', () => {
  assert.deepEqual(placeFromCarnetUrl('carnet://source/sample-imm6-hanoi#sample-imm6-hanoi-a1'), { kind: 'source', id: 'sample-imm6-hanoi', annotationId: 'sample-imm6-hanoi-a1' });
  assert.deepEqual(placeFromCarnetUrl('carnet://note/n1'), { kind: 'note', id: 'n1' });
  assert.equal(placeFromCarnetUrl('carnet://source/../../etc'), null);
  assert.equal(placeFromCarnetUrl('https://example.org'), null);
});
