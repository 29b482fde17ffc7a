import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSignature } from '../../../electron/importers/metadata/signatures.ts';

test('agency signatures give the publishing outlet; acronyms in a sentence are not signatures', () => {
  assert.equal(findSignature('(TTXVN/Vietnam+)')?.publisher, 'VietnamPlus');
  assert.equal(findSignature('…dans la lutte contre latraite humaine. -NDEL/VNA')?.publisher, 'VNA');
  assert.equal(findSignature('Les ministres se sont réunis. (AFP)')?.publisher, 'AFP');
  assert.equal(findSignature('(Reuters)')?.publisher, 'Reuters');
  assert.equal(findSignature('coordonnée contre le trafic humain dans le bassin du Mékong (COMMIT)'), null);
  assert.equal(findSignature('la période 2016-2020.'), null);
  assert.equal(findSignature('un texte ordinaire'), null);
  const paragraph = 'lutte contre latraite humaine. -NDEL/VNA';
  assert.equal(paragraph.slice(0, findSignature(paragraph)?.index).trimEnd(), 'lutte contre latraite humaine.');
});
