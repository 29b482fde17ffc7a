import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { importInWorker, stopImportWorkers } from '../../../electron/importers/import-runner.ts';
import { docx, docxParagraph, zip } from '../../fixtures/import/zip-writer.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

/** Web archives, Word and OpenDocument files, e-mails: each through the saved-page path (fixtures: make-fixtures.ts). */

after(() => stopImportWorkers());

const load = async (name: string) => importDocument({ name, bytes: await fs.readFile(path.join(FIXTURES, name)) });
const UNWANTED = ['__hostileRan', 'javascript:', 'onerror', '<', 'Accueil\n', 'Publicité', 'abonnez-vous', 'Se désabonner', 'iVBOR'];
const clean = (body: string) => UNWANTED.filter((u) => body.includes(u));

test('an MHTML archive: the page part only (QP-decoded, UTF-8), no frame, image or script part', async () => {
  const { metadata, body, original } = await load('article.mhtml');
  assert.deepEqual(metadata, {
    title: 'Hà Nội accueille la réunion COMMIT',
    url: 'https://journal-du-mekong.example/2025/11/19/commit',
    publisher: 'Le Journal du Mékong',
    authors: ['Lan Nguyễn'],
    published: '2025-11-19',
    language: 'fr',
    container: 'Le Journal du Mékong',
    accessed: '2025-11-19', // the archive's Date: when the browser saved it
  });
  assert.ok(body.startsWith('Le 19 novembre 2025, les ministres des six pays du processus COMMIT'));
  assert.deepEqual(clean(body), []);
  assert.equal(original.extension, 'mhtml');
});

test('an HTML newsletter (.eml): subject, sender, date as the sender wrote it; the HTML body, sanitised', async () => {
  const { metadata, body, original } = await load('newsletter.eml');
  assert.equal(metadata.title, 'La lettre du Mékong : Hà Nội accueille COMMIT');
  assert.equal(metadata.publisher, 'Le Journal du Mékong');
  assert.equal(metadata.published, '2025-11-19'); // 23:30 +0700 is the 19th there, the 19th 16:30 UTC
  assert.equal(metadata.language, 'fr');
  assert.match(body, /les ministres des six pays du processus COMMIT se sont réunis à Hà Nội/);
  assert.deepEqual(clean(body), []);
  assert.equal(original.extension, 'eml');
});

test('a forwarded text e-mail in Windows-1252: "Fwd:" dropped from the title, the text path for the body', async () => {
  const { metadata, body } = await load('article-transfere.eml');
  assert.equal(metadata.title, 'Six countries renew their pledge against trafficking');
  assert.equal(metadata.publisher, 'Jane Roe');
  assert.equal(metadata.published, '2025-11-20');
  assert.match(body, /human trafficking – “we will go further”, the host minister said\./);
});

test('a DOCX: title, author and language from its core properties; headings kept', async () => {
  const { metadata, body, original } = await load('rapport-commit.docx');
  assert.equal(metadata.title, 'Rapport sur la réunion COMMIT de Hà Nội');
  assert.deepEqual(metadata.authors, ['Lan Nguyễn']);
  assert.equal(metadata.language, 'fr');
  assert.match(body, /^Le 19 novembre 2025, les ministres/);
  assert.match(body, /\n\n## Un plan d’action commun\n\n/);
  assert.equal(original.extension, 'docx');
});

test('an ODT: meta.xml for the title and author; paragraphs, spaces and list items from content.xml', async () => {
  const { metadata, body } = await load('note-terrain.odt');
  assert.equal(metadata.title, 'Note de terrain : Bangkok');
  assert.deepEqual(metadata.authors, ['Minh Tran']);
  assert.match(body, /réunis à Hà Nội pour renouveler/);
  assert.match(body, /• Coopération aux frontières/);
});

/** Refused in the worker with a reason in both languages, within seconds. */
async function refused(name: string, bytes: Uint8Array, code: string, pattern: RegExp): Promise<void> {
  const started = Date.now();
  await assert.rejects(importInWorker({ name, bytes }), (error: unknown) => {
    assert.ok(error instanceof CarnetError, String(error));
    assert.equal(error.code, code, error.text.en);
    assert.match(error.text.en, pattern);
    assert.ok(error.text.fr.length > 40 && error.text.fr !== error.text.en);
    return true;
  });
  assert.ok(Date.now() - started < 20_000, `${name} took ${Date.now() - started} ms`);
}

test('a DOCX zip bomb (a document.xml that inflates past 64 MB) is refused before mammoth opens it', async () => {
  const body = zip([['word/document.xml', Buffer.alloc(80 * 1048576, 0x20)], ['[Content_Types].xml', '<Types/>']]);
  assert.ok(body.length < 200_000);
  await refused('bombe.docx', body, 'too-heavy', /zip bomb/);
  // The same file, small: a real (if odd) document is read.
  const { body: text } = await importInWorker({ name: 'petit.docx', bytes: docx('', docxParagraph('Un paragraphe assez long pour être lu comme un article, avec ses délégués et ses ministres réunis à Hà Nội.')) });
  assert.match(text, /délégués/);
});

test('malformed office files and e-mails are refused with the reason, not a crash', async () => {
  await refused('faux.docx', Buffer.from('PK\x03\x04 this is not really a zip file at all'), 'unreadable', /damaged|ZIP/);
  await refused('sans-document.docx', zip([['hello.txt', 'hello']]), 'unreadable', /not a Word document/);
  await refused('casse.odt', zip([['content.xml', '<office:document-content><unclosed>']]), 'unreadable', /not valid XML/);
  const nested = ['From: a@example.org', 'Subject: deep', 'MIME-Version: 1.0'];
  const parts: string[] = [];
  for (let depth = 0; depth < 100; depth++) parts.push(`Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n`);
  const deep = `${nested.join('\r\n')}\r\n${parts.join('')}Content-Type: text/plain\r\n\r\nhello\r\n`;
  await refused('imbrique.eml', Buffer.from(deep), 'too-heavy', /built in a way no real one is/);
  await refused('vide.mhtml', Buffer.from('Content-Type: multipart/related; boundary="x"\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\nPNG\r\n--x--\r\n'), 'unreadable', /no HTML page/);
});

test('an MHTML with a 30 MB image part: the part is skipped unread, the page imported', async () => {
  const archive = await fs.readFile(path.join(FIXTURES, 'article.mhtml'));
  const huge = `--x\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n${zlib.deflateRawSync(Buffer.alloc(10)).toString('base64').repeat(3_000_000)}\r\n`;
  const text = archive.toString('latin1').replace(/\r\n--(----MultipartBoundary--carnetFixture----)--\r\n$/, `\r\n--$1\r\n${huge.slice(5)}--$1--\r\n`);
  const started = Date.now();
  const { metadata } = await importInWorker({ name: 'lourd.mht', bytes: Buffer.from(text, 'latin1') });
  assert.equal(metadata.title, 'Hà Nội accueille la réunion COMMIT');
  assert.ok(Date.now() - started < 20_000);
});
