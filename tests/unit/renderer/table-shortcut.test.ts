import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerCells } from '../../../renderer/notes/table-shortcut.ts';

test('a typed table header line `|Pays|Cas|` gives the header cells of the table Enter makes', () => {
  assert.deepEqual(headerCells('|Pays|Cas|'), ['Pays', 'Cas']);
  assert.deepEqual(headerCells('  | Pays | Cas | Année |  '), ['Pays', 'Cas', 'Année']);
  assert.deepEqual(headerCells('|Name||'), ['Name', ''], 'an empty header cell is allowed when another has text');
});

test('a line that is not a header line makes no table', () => {
  assert.equal(headerCells('|one|'), null, 'a single column');
  assert.equal(headerCells('|||'), null, 'no text at all');
  assert.equal(headerCells('| | |'), null, 'only spaces');
  assert.equal(headerCells('a|b|'), null, 'no leading pipe');
  assert.equal(headerCells('|a|b'), null, 'no closing pipe');
  assert.equal(headerCells('Some text | with a pipe'), null);
});
