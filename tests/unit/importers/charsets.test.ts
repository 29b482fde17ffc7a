import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeHtml } from '../../../electron/importers/html-charset.ts';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

/** Pages in the legacy encodings their sites still use, declared the ways pages declare them (fixtures: make-fixtures.ts). */

const load = async (name: string) => importDocument({ name, bytes: await fs.readFile(path.join(FIXTURES, name)) });

test('a GBK page (<meta charset="gbk">) reads as Chinese', async () => {
  const { metadata, body } = await load('gbk.html');
  assert.equal(metadata.title, '六国部长在河内重申打击人口贩运的承诺');
  assert.match(body, /十一月十九日，柬埔寨、中国、老挝、缅甸、泰国和越南六国部长在河内举行第六次部长级会议/);
  assert.match(body, /“我们将走得更远。”/);
  assert.ok(!body.includes('\uFFFD'));
});

test('a Czech page in windows-1250 (http-equiv) and a Polish page in ISO-8859-2 keep their letters', async () => {
  const czech = await load('windows-1250.html');
  assert.equal(czech.metadata.title, 'Šest zemí v Hanoji obnovilo závazek proti obchodu s lidmi');
  assert.match(czech.body, /Ministři Kambodže, Číny, Laosu/);
  assert.match(czech.body, /přeživším lepší ochranu\. Žádná země/);
  const polish = await load('iso-8859-2.html');
  assert.equal(polish.metadata.title, 'Sześć krajów odnowiło w Hanoi zobowiązanie przeciw handlowi ludźmi');
  assert.match(polish.body, /Ministrowie Kambodży, Chin, Laosu, Mjanmy/);
  assert.match(polish.body, /zacieśnią współpracę graniczną, wcześniej rozpoznają ofiary i zapewnią ocalałym/);
});

test('a Shift_JIS page reads as Japanese', async () => {
  const { metadata, body } = await load('shift-jis.html');
  assert.equal(metadata.title, '六か国の閣僚がハノイで人身取引対策の約束を新たに');
  assert.match(body, /カンボジア、中国、ラオス、ミャンマー、タイ、ベトナム/);
});

test('a page that declares Latin-1 but is UTF-8 reads as UTF-8, not as "Ã©"', async () => {
  const { metadata, body } = await load('meta-lies.html');
  assert.equal(metadata.title, 'Les délégués saluent l’élan du processus COMMIT à Hà Nội');
  assert.match(body, /Les délégués réunis à Hà Nội ont salué « l’élan »/);
  assert.ok(!/Ã|Â/.test(body + metadata.title));
});

const latin1Page = (head: string, text: string) => Buffer.from(`<!doctype html><html><head>${head}<title>t</title></head><body><p>${text}</p></body></html>`, 'latin1');

test('declarations that lie or say nothing useful fall back to UTF-8, then Windows-1252', () => {
  // Declared UTF-8, written in Windows-1252: the accents survive instead of becoming U+FFFD.
  assert.match(decodeHtml(latin1Page('<meta charset="utf-8">', 'Coopération régionale')).html, /Coopération régionale/);
  // A label that names the "replacement" encoding would turn the page into one U+FFFD.
  assert.match(decodeHtml(latin1Page('<meta charset="iso-2022-kr">', 'délégués')).html, /délégués/);
  // An unknown label is no declaration.
  assert.match(decodeHtml(latin1Page('<meta charset="utf-8lol">', 'délégués')).html, /délégués/);
  // No declaration at all: UTF-8 when valid.
  assert.equal(decodeHtml(Buffer.from('<p>Hà Nội</p>')).encoding, 'UTF-8');
});

test('a BOM beats the meta, the transport charset beats the meta, and a meta after 1,024 bytes of head still counts', () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252"><p>Hà Nội</p>')]);
  assert.deepEqual(decodeHtml(bom), { html: '<meta charset="windows-1252"><p>Hà Nội</p>', encoding: 'UTF-8' });
  const czech = Buffer.from([0x3c, 0x70, 0x3e, 0x8a, 0x65, 0x73, 0x74]); // <p>Šest in windows-1250
  assert.equal(decodeHtml(czech, 'windows-1250').html, '<p>Šest');
  const late = Buffer.concat([Buffer.from(`<html><head><script>${'x'.repeat(2000)}</script><meta charset="windows-1250"></head><body>`), Buffer.from([0x8a, 0x65, 0x73, 0x74])]);
  assert.equal(decodeHtml(late).encoding, 'windows-1250');
  assert.ok(decodeHtml(late).html.endsWith('<body>Šest'));
  // A <meta> in the body is not a declaration: the bytes decide.
  const inBody = Buffer.concat([Buffer.from(`<html><head><script>${'x'.repeat(2000)}</script></head><body><meta charset="gbk">`), Buffer.from('Hà Nội')]);
  assert.equal(decodeHtml(inBody).encoding, 'UTF-8');
});
