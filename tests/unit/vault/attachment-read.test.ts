import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readAttachment } from '../../../electron/vault/attachment-read.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { HTML, JPEG, PNG, SVG } from '../../helpers/images.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** What a page may load from the vault: images in attachments/, by their bytes, and nothing else. */

let dir: string;
let root: string;
let remove: () => Promise<void>;

before(async () => {
  ({ dir, remove } = await tempDir());
  const vault = await Vault.create(path.join(dir, 'v'));
  root = vault.root;
  await vault.saveAttachment('map.png', PNG);
  await vault.createNote('Terrain', 'Une note.\n');
  await vault.close();
  const folder = path.join(root, 'attachments');
  await fs.writeFile(path.join(folder, 'mekong map.png'), PNG);
  await fs.writeFile(path.join(folder, 'really-a-jpeg.png'), JPEG);
  await fs.writeFile(path.join(folder, 'drawing.png'), SVG);
  await fs.writeFile(path.join(folder, 'page.html'), HTML);
  await fs.mkdir(path.join(folder, 'sub'));
  await fs.writeFile(path.join(dir, 'outside.png'), PNG);
  await fs.symlink(path.join(dir, 'outside.png'), path.join(folder, 'escape.png'));
  await fs.symlink(path.join(root, 'notes', 'terrain.md'), path.join(folder, 'note.png'));
  await fs.symlink(path.join(folder, 'map.png'), path.join(folder, 'alias.png'));
});

after(() => remove());

test('an image in attachments/ is served with the type its bytes say, nosniff and a CSP that allows nothing', async () => {
  const answer = await readAttachment(root, 'attachments/map.png');
  assert.equal(answer.status, 200);
  assert.ok(answer.status === 200);
  assert.equal(answer.mime, 'image/png');
  assert.deepEqual(answer.bytes, PNG);
  assert.equal(answer.headers['Content-Type'], 'image/png');
  assert.equal(answer.headers['X-Content-Type-Options'], 'nosniff');
  assert.match(answer.headers['Content-Security-Policy'] ?? '', /^default-src 'none'/);

  const jpeg = await readAttachment(root, 'attachments/really-a-jpeg.png');
  assert.equal(jpeg.status === 200 && jpeg.mime, 'image/jpeg', 'the type comes from the bytes, not the name');
  assert.equal((await readAttachment(root, 'attachments/mekong%20map.png')).status, 200, 'the path is percent-decoded once');
  assert.equal((await readAttachment(root, 'attachments/alias.png')).status, 200, 'a link to another attachment is fine');
});

test('paths that leave attachments/ are refused (403), however they are spelled', async () => {
  const escapes = [
    '../notes/terrain.md',
    'notes/terrain.md',
    'carnet.json',
    '.carnet/lock',
    'attachments/../notes/terrain.md',
    '%2e%2e/notes/terrain.md',
    'attachments/%2e%2e/notes/terrain.md',
    'attachments/..%2fnotes%2fterrain.md',
    'attachments%2f..%2f..%2foutside.png',
    'attachments\\..\\notes\\terrain.md',
    'attachments/./map.png',
    'attachments//map.png',
    path.join(root, 'attachments', 'map.png'),
    encodeURIComponent(path.join(root, 'attachments', 'map.png')),
    '/etc/passwd',
    'C:/Windows/win.ini',
    'attachments/map.png%00.md',
    'attachments/%E0%A4%A',
    'attachments',
    'attachments/',
  ];
  for (const requested of escapes) {
    const answer = await readAttachment(root, requested);
    assert.equal(answer.status, 403, requested);
    assert.equal(answer.headers['X-Content-Type-Options'], 'nosniff');
  }
});

test('what is not an image is refused even in attachments/, and so are links that lead out of it', async () => {
  for (const requested of ['attachments/drawing.png', 'attachments/page.html', 'attachments/escape.png', 'attachments/note.png']) {
    assert.equal((await readAttachment(root, requested)).status, 403, requested);
  }
  assert.equal((await readAttachment(root, 'attachments/missing.png')).status, 404);
  assert.equal((await readAttachment(root, 'attachments/sub')).status, 404, 'a folder is no file');
});

test('an attachments/ folder that is itself a link out of the vault serves nothing', async () => {
  const { dir: other, remove: removeOther } = await tempDir();
  try {
    const vault = await Vault.create(path.join(other, 'v'));
    await vault.close();
    await fs.mkdir(path.join(other, 'elsewhere'));
    await fs.writeFile(path.join(other, 'elsewhere', 'x.png'), PNG);
    await fs.symlink(path.join(other, 'elsewhere'), path.join(vault.root, 'attachments'));
    assert.equal((await readAttachment(vault.root, 'attachments/x.png')).status, 403);
    assert.equal((await readAttachment(path.join(other, 'no-vault'), 'attachments/x.png')).status, 404);
  } finally {
    await removeOther();
  }
});
