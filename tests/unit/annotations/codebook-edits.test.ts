import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeTree } from '../../../electron/annotations/code-tree.ts';
import { codeCooccurrence, cooccurringPassages } from '../../../electron/annotations/code-cooccurrence.ts';
import { codeMatrix } from '../../../electron/annotations/code-matrix.ts';
import { deleteCodeEdit, mergeCodesEdit } from '../../../electron/annotations/code-removal.ts';
import { restoreAnnotationEdit, restoreCodesEdit } from '../../../electron/annotations/code-restore.ts';
import { CODE_PALETTE, createCodeEdit, pickColor, updateCodeEdit } from '../../../electron/annotations/codebook-edits.ts';
import { annotationDoc, codebookDoc, type AnnotationDoc, type JsonObject } from '../../../electron/annotations/coded-docs.ts';
import { byReadingOrder, queryPassages, type PlacedPassage } from '../../../electron/annotations/passage-query.ts';
import type { CarnetError } from '../../../electron/core/carnet-error.ts';

/** The codebook's pure logic, on plain data: no vault, no disk. */

const code = (id: string, name: string, parent?: string): JsonObject => ({ id, name, color: '#123456', description: '', ...(parent ? { parent } : {}) });
const book = () => codebookDoc({ codes: [code('places', 'Places'), code('hanoi', 'Hanoi', 'places'), code('old', 'Old quarter', 'hanoi'), code('people', 'People')], owner: 'me' });

function annotation(id: string, codes: string[], start = 0, end = 5): JsonObject {
  return { id, created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end }, comment: '', codes };
}
const doc = (sourceId: string, annotations: JsonObject[]): AnnotationDoc => annotationDoc(`annotations/${sourceId}.json`, { source: sourceId, annotations });

function placed(sourceId: string, id: string, codes: string[], span: [number, number] | null, title = sourceId): PlacedPassage {
  const { annotations } = doc(sourceId, [annotation(id, codes, span?.[0] ?? 0, span?.[1] ?? 1)]);
  return { passage: { sourceId, sourceTitle: title, annotation: annotations[0]!, state: span ? 'anchored' : 'orphan' }, span: span ? { start: span[0], end: span[1] } : null };
}

test('the tree survives a missing parent and a loop written by hand', () => {
  const tree = new CodeTree([{ id: 'a', parent: 'b' }, { id: 'b', parent: 'a' }, { id: 'c', parent: 'gone' }, { id: 'd', parent: 'c' }]);
  assert.deepEqual(tree.ancestorsOrSelf('a'), ['a', 'b']);
  assert.deepEqual([...tree.descendantsOrSelf('a')].sort(), ['a', 'b']);
  assert.equal(tree.parentOf('c'), undefined);
  assert.deepEqual([...tree.expand(['d', 'unknown'])].sort(), ['c', 'd', 'unknown']);
});

test('a new code gets a free id and the least used colour; names clash only at the same level', () => {
  const { book: next, code: made } = createCodeEdit(book(), { name: 'Places', parent: 'people' }, new Set(['code-places']));
  assert.equal(made.id, 'code-places-2', 'an id used on a passage is not reused');
  assert.equal(made.color, CODE_PALETTE[0]);
  assert.equal(next.raw.owner, 'me');
  assert.throws(() => createCodeEdit(book(), { name: ' places ' }, new Set()), (e: CarnetError) => e.code === 'conflict');
  assert.equal(pickColor([{ id: 'x', name: 'x', color: CODE_PALETTE[0]!.toUpperCase(), description: '' }]), CODE_PALETTE[1]);
});

test('a move under the code itself or a descendant is refused; elsewhere it is done', () => {
  assert.throws(() => updateCodeEdit(book(), 'places', { parent: 'old' }), (e: CarnetError) => e.code === 'invalid-input' && /"Old quarter"/.test(e.text.en));
  const { code: moved } = updateCodeEdit(book(), 'old', { parent: null, name: 'Old Quarter' });
  assert.equal(moved.parent, undefined);
  assert.equal(moved.name, 'Old Quarter');
});

test('merge: passages get the other code once, sub-codes follow; into a sub-code, that one takes the place', () => {
  const docs = [doc('s1', [annotation('a1', ['hanoi', 'people']), annotation('a2', ['people', 'hanoi']), annotation('a3', ['old'])])];
  const merged = mergeCodesEdit(book(), docs, 'hanoi', 'people');
  assert.equal(merged.touched, 2);
  assert.deepEqual(merged.docs[0]?.annotations.map((a) => a.codes), [['people'], ['people'], ['old']]);
  assert.equal(merged.book.codes.find((c) => c.id === 'old')?.parent, 'people');
  const inward = mergeCodesEdit(book(), docs, 'places', 'old');
  assert.deepEqual(inward.book.codes.map((c) => [c.id, c.parent]), [['hanoi', 'old'], ['old', undefined], ['people', undefined]]);
  const back = restoreCodesEdit(merged.book, merged.docs, merged.record, 'Hanoi');
  assert.deepEqual(back.book.raw, book().raw, 'the code and its sub-code are back where they were');
  assert.deepEqual(back.docs[0]?.annotations.map((a) => a.codes), [['hanoi', 'people'], ['people', 'hanoi'], ['old']]);
});

test('delete and restore are exact, and a restore over a code created again is refused', () => {
  const docs = [doc('s1', [annotation('a1', ['people', 'old']), annotation('a2', ['hanoi'])]), doc('s2', [annotation('b1', ['people'])])];
  const removed = deleteCodeEdit(book(), docs, 'hanoi');
  assert.deepEqual(removed.book.codes.map((c) => c.id), ['places', 'people']);
  assert.equal(removed.docs.length, 1, 'an untouched file is not rewritten');
  assert.deepEqual(removed.docs[0]?.annotations.map((a) => a.codes), [['people'], []]);
  const back = restoreCodesEdit(removed.book, [...removed.docs, docs[1]!], removed.record, 'Hanoi');
  assert.deepEqual(back.book.raw, book().raw);
  assert.deepEqual(back.docs.map((d) => d.raw), [docs[0]!.raw]);
  const recreated = createCodeEdit(removed.book, { name: 'Hanoi' }, new Set()).book;
  const clash = codebookDoc({ ...recreated.raw, codes: [...(recreated.raw.codes as JsonObject[]), code('old', 'Other')] });
  assert.throws(() => restoreCodesEdit(clash, removed.docs, removed.record, 'Hanoi'), (e: CarnetError) => e.code === 'conflict');
});

test('an annotation comes back at its place, or into a new file; never over the same id', () => {
  const original = doc('s1', [annotation('a1', []), annotation('a2', ['x'], 3, 9), annotation('a3', [])]);
  const record = { type: 'annotation' as const, sourceId: 's1', sourceTitle: 'S', index: 1, annotation: { ...annotation('a2', ['x'], 3, 9), extra: 1 } };
  const without = doc('s1', [annotation('a1', []), annotation('a3', [])]);
  assert.deepEqual(restoreAnnotationEdit(without, without.path, record).annotations.map((a) => a.id), ['a1', 'a2', 'a3']);
  assert.equal(restoreAnnotationEdit(null, 'annotations/s1.json', record).raw.annotations instanceof Array, true);
  assert.throws(() => restoreAnnotationEdit(original, original.path, record), (e: CarnetError) => e.code === 'conflict');
});

test('queries, the matrix and co-occurrence on placed passages', () => {
  const codes = book().codes;
  const tree = new CodeTree(codes);
  const list = [placed('s2', 'p4', ['people'], [0, 4], 'B'), placed('s1', 'p2', ['hanoi'], [10, 20], 'A'), placed('s1', 'p1', ['old', 'people'], [0, 12], 'A'), placed('s1', 'p3', ['places', 'hanoi'], null, 'A')];
  const q = (all: string[], any: string[], none: string[]) => queryPassages(list, tree, { all, any, none }).sort(byReadingOrder).map((p) => p.passage.annotation.id);
  assert.deepEqual(q(['places'], [], []), ['p1', 'p2', 'p3']);
  assert.deepEqual(q([], ['old', 'people'], ['hanoi']), ['p4']);
  assert.deepEqual(q(['hanoi', 'people'], [], []), ['p1']);
  const matrix = codeMatrix(list, codes, tree);
  assert.deepEqual(matrix.sources.map((s) => s.title), ['A', 'B']);
  assert.deepEqual(matrix.rows.find((r) => r.codeId === 'places'), { codeId: 'places', counts: { s1: 3 }, total: 3 });
  const pairs = codeCooccurrence(list).pairs;
  assert.deepEqual(pairs, [
    { a: 'hanoi', b: 'old', count: 1 },
    { a: 'hanoi', b: 'people', count: 1 },
    { a: 'hanoi', b: 'places', count: 1 },
    { a: 'old', b: 'people', count: 1 },
  ]);
  assert.deepEqual(cooccurringPassages(list, 'people', 'hanoi').map((p) => p.passage.annotation.id).sort(), ['p1', 'p2']);
});
