import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

const load = async (name: string) => importDocument({ name, bytes: await fs.readFile(path.join(FIXTURES, name)) });

test('an English capture: menus before the title dropped, byline authors and date, subheading and caption kept, teasers after "Read more" dropped', async () => {
  const { metadata, body } = await load('capture-en.txt');
  assert.equal(metadata.title, 'Six countries renew their pledge against trafficking in Hanoi');
  assert.deepEqual(metadata.authors, ['Jane Roe', 'Minh Tran']);
  assert.equal(metadata.published, '2025-11-19');
  assert.equal(metadata.language, 'en');
  assert.equal(metadata.publisher, 'MekongMonitor.org');
  assert.ok(body.startsWith('Ministers from the six COMMIT countries met in Hanoi'));
  assert.ok(body.endsWith('identify victims sooner. — Mekong Monitor'));
  assert.match(body, /\n\n## A new action plan\n\n/);
  assert.match(body, /\n\n_Delegates at the opening session in Hanoi\. \(Photo: Mekong Monitor\)_\n\n/);
  for (const chrome of ['World', 'Region\n', 'Read more', 'Rice prices', 'IMG_2041', 'By Jane Roe']) assert.ok(!body.includes(chrome), chrome);
});

test('a saved web page: Readability finds the article; metadata from its head; no script, handler or link survives', async () => {
  const { metadata, body, original } = await load('article.html');
  assert.deepEqual(metadata, {
    title: 'Hà Nội accueille la sixième réunion ministérielle du processus COMMIT',
    url: 'https://journal-du-mekong.example/2025/11/19/imm6-hanoi',
    publisher: 'Le Journal du Mékong',
    authors: ['Lan Nguyễn'],
    published: '2025-11-19',
    language: 'fr',
    // Its JSON-LD says NewsArticle; og:site_name names the paper (the vault writes it once, as the publisher).
    type: 'article-newspaper',
    container: 'Le Journal du Mékong',
  });
  assert.ok(body.startsWith('Le 19 novembre 2025, les ministres du Cambodge'));
  assert.match(body, /\n\n## Un plan d'action commun\n\n/);
  assert.match(body, /_Les délégués à l'ouverture de la réunion\. Photo : Le Journal du Mékong_/);
  for (const unwanted of ['__hostileRan', 'javascript:', 'onerror', '<', 'Accueil', 'Abonnez-vous', 'À lire aussi', 'Mentions légales', 'tracker']) {
    assert.ok(!body.includes(unwanted), `the body holds "${unwanted}"`);
  }
  assert.equal(original.extension, 'html');
});

test('malformed HTML is read as far as it goes', async () => {
  const { metadata, body } = await load('malformed.html');
  assert.equal(metadata.title, 'Page cassée');
  assert.match(body, /Un troisième paragraphe/);
  assert.ok(!body.includes('<'));
});

test('Markdown: front matter fields, formatting reduced to its words', async () => {
  const { metadata, body } = await load('note-exportee.md');
  assert.equal(metadata.title, 'Entretien : la coordination régionale vue de Vientiane');
  assert.equal(metadata.url, 'https://example.org/entretien-vientiane');
  assert.deepEqual(metadata.authors, ['Carnet team']);
  assert.equal(metadata.published, '2025-11-20');
  assert.match(body, /^## Un titre de premier niveau/);
  assert.match(body, /Une responsable du secrétariat national explique comment la coopération fonctionne/);
  assert.match(body, /• former les policiers aux frontières ;/);
  assert.ok(!/[*[\]]/.test(body), body);
});

test('PDF: the text of each page under its page marker', async () => {
  const { metadata, body } = await load('rapport-deux-pages.pdf');
  assert.equal(metadata.title, 'Rapport sur la traite des êtres humains dans le Mékong');
  assert.equal(metadata.language, 'fr');
  assert.equal(metadata.published, undefined, 'the PDF’s file date is not a publication date');
  assert.match(body, /^<!-- page 1 -->\n\nRapport sur la traite/);
  assert.match(body, /Phnom Penh\.\n\n<!-- page 2 -->\n\nDeuxième page\n\nLa sixième réunion ministérielle \(IMM6\) s'est tenue à Hà Nội le 19 novembre 2025/);
});

test('pasted or misnamed content is recognised: a PDF named .txt, an HTML page named .txt', async () => {
  const pdf = await fs.readFile(path.join(FIXTURES, 'rapport-deux-pages.pdf'));
  assert.match((await importDocument({ name: 'report.txt', bytes: pdf })).body, /<!-- page 2 -->/);
  const html = await fs.readFile(path.join(FIXTURES, 'article.html'));
  assert.equal((await importDocument({ name: 'page.txt', bytes: html })).metadata.publisher, 'Le Journal du Mékong');
});
