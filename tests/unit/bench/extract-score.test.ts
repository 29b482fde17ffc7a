import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, plainBody, prf, scorePage, shingles, titleMatches, tokenize } from '../../bench/extract-score.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('tokens are Unicode \\w runs; shingles are 4 tokens, counted; a short text is one shorter shingle', () => {
  assert.deepEqual(tokenize('Hà Nội, 2025 — l’été_2 !'), ['Hà', 'Nội', '2025', 'l', 'été_2']);
  assert.deepEqual([...shingles('a b c d e').entries()], [['a\u0001b\u0001c\u0001d', 1], ['b\u0001c\u0001d\u0001e', 1]]);
  assert.equal(shingles('x y z w x y z w').get('x\u0001y\u0001z\u0001w'), 2);
  assert.equal(shingles('x y z w x y z w').size, 4);
  assert.deepEqual([...shingles('hello world').keys()], ['hello\u0001world']);
  assert.equal(shingles('  … ').size, 0);
});

test('a page: tp, fp, fn from the multisets, divided by their sum', () => {
  // truth {abcd, bcde}, predicted {abcd}: tp 1, fp 0, fn 1 → ½, 0, ½.
  assert.deepEqual(scorePage('a b c d e', 'a b c d'), { tp: 0.5, fp: 0, fn: 0.5 });
  // truth {xyzw ×2, yzwx, zwxy, wxyz}, predicted {xyzw}: tp 1, fn 1 + 3 = 4 → 0.2, 0, 0.8.
  const repeated = scorePage('x y z w x y z w', 'x y z w');
  close(repeated.tp, 0.2);
  close(repeated.fn, 0.8);
  assert.equal(repeated.fp, 0);
  // The other way round: the extra copy is counted as fp.
  const extra = scorePage('x y z w', 'x y z w x y z w');
  close(extra.tp, 0.2);
  close(extra.fp, 0.8);
  // Nothing predicted (a refusal): all fn. Nothing on either side: all zero.
  assert.deepEqual(scorePage('a b c d', ''), { tp: 0, fp: 0, fn: 1 });
  assert.deepEqual(scorePage('', ''), { tp: 0, fp: 0, fn: 0 });
  // Case counts, punctuation does not.
  assert.deepEqual(scorePage('A b c d', 'a b c d'), { tp: 0, fp: 0.5, fn: 0.5 });
  assert.deepEqual(scorePage('a, b. c; d', 'a b c d'), { tp: 1, fp: 0, fn: 0 });
});

test('the set: precision, recall and F1 from the means of tp, fp, fn over pages', () => {
  const pages = [scorePage('a b c d e', 'a b c d'), scorePage('a b c d', '')];
  // mean tp ¼, fp 0, fn ¾ → P 1, R ¼, F1 2·¼/(1¼) = 0.4.
  const total = aggregate(pages);
  close(total.precision, 1);
  close(total.recall, 0.25);
  close(total.f1, 0.4);
  // Shingles run across paragraphs: predicted {abcd, bcde, cdef, defg, efgh}, truth {abcd} → P ⅕, R 1, F1 ⅓.
  const page = prf(scorePage('a b c d', 'a b c d\n\ne f g h'));
  close(page.precision, 0.2);
  close(page.recall, 1);
  close(page.f1, 1 / 3);
  assert.deepEqual(aggregate([]), { precision: 0, recall: 0, f1: 0 });
});

test('Carnet’s body marks come off before scoring', () => {
  assert.equal(plainBody('## Titre\n\n_Photo : AFP_\n\n<!-- page 2 -->\n\nTexte.'), 'Titre\n\nPhoto : AFP\n\nTexte.');
});

test('titles: folded equality, or whole-word containment with ≥ 80% of the words shared', () => {
  assert.ok(titleMatches('« L’Été à Hà Nội »', ['l ete a ha noi']));
  assert.ok(titleMatches('Ministers meet in Hanoi to review cooperation', ['Ministers meet in Hanoi to review cooperation - WSJ'])); // 7 of 8
  assert.ok(!titleMatches('Ministers meet', ['Ministers meet in Hanoi to review cooperation']));
  assert.ok(!titleMatches('Hanoi meeting', ['Hanoi meetings']));
  assert.ok(!titleMatches(undefined, ['x']));
  assert.ok(!titleMatches('', ['']));
});
