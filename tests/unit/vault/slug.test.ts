import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify, uniqueSlug } from '../../../electron/vault/slug.ts';

test('file names from titles: folded, hyphenated, cut at a whole word, never empty', () => {
  assert.equal(slugify('Hà Nội : réunion IMM6'), 'ha-noi-reunion-imm6');
  assert.equal(slugify('Coopération globale en matière de prévention et de lutte contre la traite des êtres humains'), 'cooperation-globale-en-matiere-de-prevention-et-de-lutte');
  assert.equal(slugify('x'.repeat(80)), 'x'.repeat(60));
  assert.equal(slugify('« … »'), 'untitled');
  assert.equal(uniqueSlug('note', (s) => s === 'note' || s === 'note-2'), 'note-3');
});
