import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importDocument } from '../../../electron/importers/import-document.ts';
import { FIXTURES } from '../../helpers/seeds.ts';

async function failure(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await importDocument({ name, bytes });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} was imported but should have been refused`);
}

test('bad files are refused with a reason a researcher can act on', async () => {
  const pdf = await fs.readFile(path.join(FIXTURES, 'rapport-deux-pages.pdf'));
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  assert.match(await failure('empty.txt', new Uint8Array()), /empty/);
  assert.match(await failure('blank.txt', new TextEncoder().encode(' \n\n \t\n')), /empty/);
  assert.match(await failure('photo.txt', png), /binary data/);
  assert.match(await failure('chiffre.pdf', await fs.readFile(path.join(FIXTURES, 'chiffre.pdf'))), /encrypted with a password/);
  assert.match(await failure('tronque.pdf', pdf.subarray(0, 600)), /not a valid PDF, or it is damaged/);
  assert.match(await failure('scan.pdf', await fs.readFile(path.join(FIXTURES, 'scan-sans-texte.pdf'))), /no text layer/);
  assert.match(await failure('slides.pptx', new TextEncoder().encode('PK')), /cannot import "\.pptx" files/);
  assert.match(await failure('menu.html', new TextEncoder().encode('<html><body><nav><a href="/">Home</a></nav></body></html>')), /No article text|no readable text/);
});
