import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { SEEDS, seedsMissing } from '../../helpers/seeds.ts';

async function seed(name: string) {
  const bytes = await fs.readFile(path.join(SEEDS, name));
  return { bytes, document: await importDocument({ name, bytes }) };
}

test('seed 000 (VietnamPlus via Vietnam.vn): title under the site header, byline date and publisher, Source URL, clean body', { skip: seedsMissing }, async () => {
  const { bytes, document } = await seed('000_a3c95080bac12c67.txt');
  const { metadata, body } = document;
  assert.equal(metadata.title, 'Coopération globale en matière de prévention et de lutte contre la traite des êtres humains dans la sous-région du Mékong');
  assert.equal(metadata.published, '2025-11-19');
  assert.equal(metadata.url, 'https://www.vietnamplus.vn/hop-tac-toan-dien-ve-phong-chong-buon-nguoi-trong-khu-vuc-tieu-vung-song-mekong-post1078022.vnp');
  assert.equal(metadata.publisher, 'VietnamPlus');
  assert.equal(metadata.language, 'fr');
  assert.ok(body.startsWith('Le vice-Premier ministre Bui Thanh Son a reconnu et salué le rôle de la Conférence ministérielle'), body.slice(0, 100));
  assert.ok(body.endsWith("pour assister à la réunion du groupe de travail conjoint (RTF) et à l'IMM 6./."), body.slice(-100));
  for (const chrome of ['Vietnam.vn', 'VietnamPlusVietnamPlus', 'Source :', 'Comment (0)', 'No data', 'Même sujet', 'Patrimoine', '(TTXVN/Vietnam+)', '.jpg']) {
    assert.ok(!body.includes(chrome), `the body still holds "${chrome}"`);
  }
  assert.match(body, /\n\n_Le vice-Premier ministre Bui Thanh Son a prononcé le discours d'ouverture de la conférence\. \(Photo : An Dang\/VNA\)_\n\n/, 'the photo caption is kept, marked as a caption');
  assert.deepEqual(document.original.bytes, bytes, 'the original is kept untouched');
});

test('seed 002 (VNA): no date of its own, publisher from the -NDEL/VNA signature, the repeated lead kept once', { skip: seedsMissing }, async () => {
  const { document } = await seed('002_8f33a0f1b4de59be.txt');
  const { metadata, body } = document;
  assert.equal(metadata.title, 'Le Vietnam prend part à une conférence régionale sur la lutte contre la traite humaine');
  assert.equal(metadata.published, undefined, 'the related-articles list (“le 23 février”) must not give the date');
  assert.equal(metadata.url, undefined);
  assert.equal(metadata.publisher, 'VNA');
  assert.equal(metadata.language, 'fr');
  assert.ok(body.startsWith("La 4e Conférence des ministres portant sur l'Initiative ministérielle coordonnée contre le trafic humain dans le bassin du Mékong (COMMIT) s'est clôturée jeudi, à Phnom Penh"));
  assert.ok(body.endsWith('pour favoriser la coopération régionale dans la lutte contre latraite humaine.'), body.slice(-80));
  assert.equal(body.split("s'est clôturée jeudi").length, 2, 'the lead repeated with lost spaces is kept once');
  assert.ok(!body.includes('Conférencedes'), 'the copy with lost spaces is the one dropped');
  for (const chrome of ['Voir plus', 'Tô Lâm', 'Donald Trump', 'NDEL/VNA']) assert.ok(!body.includes(chrome), `the body still holds "${chrome}"`);
});
