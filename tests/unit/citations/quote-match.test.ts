import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteMatches, quoteWords } from '../../../electron/citations/quote-match.ts';

const PASSAGE = 'Les représentants du Cambodge, de la Chine, du Laos et du Vietnam ont adopté « une déclaration commune » contre la traite des êtres humains.';

test('the same words match whatever the typography: quotes, guillemets, dashes, line breaks, Unicode forms, case', () => {
  assert.ok(quoteMatches('les représentants du Cambodge, de la Chine, du Laos et du Vietnam ont adopté "une déclaration commune" contre la traite des êtres humains.', PASSAGE));
  assert.ok(quoteMatches('Les représentants du Cambodge, de la Chine,\ndu Laos et du Vietnam ont adopté “une déclaration commune”'.normalize('NFD'), PASSAGE));
});

test('part of the passage matches; elisions ("…", "[…]", "(...)") may leave words out, in order', () => {
  assert.ok(quoteMatches('du Laos et du Vietnam', PASSAGE));
  assert.ok(quoteMatches('Les représentants du Cambodge […] ont adopté « une déclaration commune »', PASSAGE));
  assert.ok(quoteMatches('Les représentants… contre la traite (...) humains', PASSAGE));
  assert.ok(!quoteMatches('contre la traite […] Les représentants', PASSAGE), 'fragments out of order');
});

test('a changed word, number or added word does not match', () => {
  assert.ok(!quoteMatches('Les représentants du Cambodge, de la Thaïlande', PASSAGE));
  assert.ok(!quoteMatches('5 200 trafiquants', 'Selon le ministère, 5 300 trafiquants ont été arrêtés.'));
  assert.ok(!quoteMatches('ont adopté une nouvelle déclaration commune', PASSAGE));
});

test('the body’s own marks (headings, captions, page markers) are not words', () => {
  const body = '## Une coopération renforcée\n\n_Les délégués à Hanoï_\n\n<!-- page 3 -->\n\nLe plan couvre 2026.';
  assert.ok(quoteMatches('Une coopération renforcée Les délégués à Hanoï Le plan couvre 2026.', body));
  assert.deepEqual(quoteWords('<!-- page 3 --> Le plan'), ['le', 'plan']);
});

test('a word cut by an ellipsis ("traffick…") is the start of the source’s word; without the ellipsis it is a changed word', () => {
  const passage = 'launched it in 2004 to work together against human trafficking across their shared borders';
  assert.ok(quoteMatches('launched it in 2004 to work together against human traffick…', passage));
  assert.ok(!quoteMatches('launched it in 2004 to work together against human traffick', passage));
});

test('a sign is a word: "-5 degrees" is not "5 degrees"; a hyphen or a dash between numbers is typography; "no…" is not "nothing"', () => {
  assert.ok(!quoteMatches('temperatures of -5 degrees', 'temperatures of 5 degrees'));
  assert.ok(quoteMatches('temperatures of −5 degrees', 'temperatures of -5 degrees'));
  assert.ok(quoteMatches('the 2024–2025 plan', 'the 2024-2025 plan'));
  assert.ok(!quoteMatches('no…', 'nothing was agreed'));
});
