import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankByName } from '../../../renderer/app/fuzzy-rank.ts';

const codes = [
  { name: 'Regional cooperation', path: 'Regional cooperation' },
  { name: 'Ministerial meetings', path: 'Regional cooperation › Ministerial meetings' },
  { name: 'Hà Nội', path: 'Places › Hà Nội' },
  { name: 'Recrutement en ligne', path: 'Recrutement en ligne' },
];
const rank = (query: string) => rankByName(query, codes, (c) => [c.name, c.path], 8).map((c) => c.name);

test('a code whose own name matches ranks before a sub-code whose path does', () => {
  assert.deepEqual(rank('Regional'), ['Regional cooperation', 'Ministerial meetings']);
});

test('accents and case aside, exact names first, then prefixes, words and scattered letters', () => {
  assert.deepEqual(rank('ha noi'), ['Hà Nội']);
  assert.equal(rank('recrutement en ligne')[0], 'Recrutement en ligne');
  assert.deepEqual(rank('ligne'), ['Recrutement en ligne']);
  assert.deepEqual(rank('mm'), ['Ministerial meetings']);
  assert.deepEqual(rank('zzz'), []);
});
