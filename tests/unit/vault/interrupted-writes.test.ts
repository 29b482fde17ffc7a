import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { atomicWrite } from '../../../electron/vault/atomic-write.ts';
import { fileSystemError } from '../../../electron/core/fs-errors.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function vaultWithSource() {
  const temp = await tempDir();
  const root = path.join(temp.dir, 'vault');
  const vault = await Vault.create(root, 'Interrupted');
  const source = await vault.addSource({ title: 'Article', authors: [] }, 'Body text.\n', { bytes: Buffer.from('<p>raw</p>'), extension: 'html' });
  await vault.saveAnnotations(source.id, [], null);
  return { root, vault, source, remove: temp.remove };
}

test('a delete interrupted half-way (some files in the trash, the entry still "moving") is undone at the next open', async () => {
  const { root, vault, source, remove } = await vaultWithSource();
  try {
    const files = [source.path, 'sources/originals/article.html', 'annotations/article.json'];
    await vault.close();
    // What a crash after the first move leaves: the manifest says "moving", one file is in the trash.
    const entry = path.join(root, '.carnet', 'trash', '2026-01-01T00-00-00-000Z-deadbeef');
    await fs.mkdir(path.join(entry, 'files', 'sources'), { recursive: true });
    await fs.writeFile(path.join(entry, 'manifest.json'), JSON.stringify({ id: path.basename(entry), kind: 'source', title: 'Article', deleted: '2026-01-01T00:00:00.000Z', files, state: 'moving' }));
    await fs.rename(path.join(root, source.path), path.join(entry, 'files', source.path));
    const reopened = await Vault.open(root, { watch: false });
    try {
      assert.equal(reopened.getSource(source.id).title, 'Article', 'the source is back in the library');
      assert.deepEqual(await reopened.listTrash(), [], 'no half entry is left in the trash');
      for (const file of files) await fs.access(path.join(root, file));
    } finally {
      await reopened.close();
    }
  } finally {
    await remove();
  }
});

test('an import interrupted between its original and its source leaves nothing once reopened; our temporary files are swept, the user\'s look-alikes kept', async () => {
  const { root, vault, remove } = await vaultWithSource();
  try {
    await vault.close();
    await fs.mkdir(path.join(root, '.carnet', 'pending'), { recursive: true });
    await fs.writeFile(path.join(root, 'sources', 'originals', 'half.pdf'), '%PDF-1.4 half');
    await fs.writeFile(path.join(root, '.carnet', 'pending', 'x.json'), JSON.stringify({ commit: 'sources/half.md', created: ['sources/originals/half.pdf', 'carnet.json', '../outside'] }));
    await fs.writeFile(path.join(root, 'notes', 'draft.md.carnet-tmp-0a1b2c3d4e5f'), 'half a note');
    // A user's dated backups look like hex: they are theirs, and stay.
    await fs.writeFile(path.join(root, 'notes', 'chapter.md.20240312'), 'a dated backup');
    await fs.writeFile(path.join(root, 'thesis.md.20231105'), 'another');
    await fs.mkdir(path.join(root, 'attachments'));
    await fs.writeFile(path.join(root, 'attachments', 'survey.json.123456'), 'data');
    await fs.writeFile(path.join(root, 'notes', 'keep.md.bak'), 'a user file that merely looks odd');
    await fs.writeFile(path.join(root, 'notes', 'odd.carnet-tmp-notours'), 'not our mark exactly');
    // A trash entry linked elsewhere is not swept through.
    const elsewhere = path.join(path.dirname(root), 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, 'x.md.carnet-tmp-0a1b2c3d4e5f'), 'outside the vault');
    await fs.mkdir(path.join(root, '.carnet', 'trash'), { recursive: true });
    await fs.symlink(elsewhere, path.join(root, '.carnet', 'trash', 'linked'));
    const reopened = await Vault.open(root, { watch: false });
    await reopened.close();
    assert.deepEqual((await fs.readdir(path.join(root, 'sources', 'originals'))).sort(), ['article.html']);
    assert.deepEqual(await fs.readdir(path.join(root, '.carnet', 'pending')), []);
    assert.deepEqual((await fs.readdir(path.join(root, 'notes'))).sort(), ['chapter.md.20240312', 'keep.md.bak', 'odd.carnet-tmp-notours']);
    await fs.access(path.join(root, 'thesis.md.20231105'));
    await fs.access(path.join(root, 'attachments', 'survey.json.123456'));
    await fs.access(path.join(elsewhere, 'x.md.carnet-tmp-0a1b2c3d4e5f'));
    await fs.access(path.join(root, 'carnet.json'));
  } finally {
    await remove();
  }
});

test('writing where a folder stands, or through a file, is said plainly, never as EISDIR or ENOTDIR', async () => {
  const { dir, remove } = await tempDir();
  try {
    await fs.mkdir(path.join(dir, 'note.md'));
    await assert.rejects(atomicWrite(path.join(dir, 'note.md'), 'text'), (error: unknown) => error instanceof CarnetError && /is a folder where Carnet expected a file/.test(error.text.en) && /est un dossier là où Carnet attendait un fichier/.test(error.text.fr) && !/EISDIR/.test(error.message));
    await fs.writeFile(path.join(dir, 'plain'), 'x');
    await assert.rejects(atomicWrite(path.join(dir, 'plain', 'note.md'), 'text'), (error: unknown) => error instanceof CarnetError && /A file stands where Carnet expected a folder/.test(error.message) && !/ENOTDIR/.test(error.message));
    await fs.writeFile(path.join(dir, 'original.pdf'), 'first');
    await assert.rejects(atomicWrite(path.join(dir, 'original.pdf'), 'second', { create: true }), (error: unknown) => error instanceof CarnetError && error.code === 'conflict' && /never replaces it/.test(error.message));
    assert.equal(await fs.readFile(path.join(dir, 'original.pdf'), 'utf8'), 'first');
    assert.deepEqual((await fs.readdir(dir)).sort(), ['note.md', 'original.pdf', 'plain'], 'no temporary file left');
    for (const code of ['EACCES', 'EROFS', 'EIO', 'EDQUOT', 'ENAMETOOLONG', 'EMFILE']) {
      const error = fileSystemError(Object.assign(new Error(`${code}: raw`), { code }), 'notes/x.md');
      assert.ok(!error.text.en.includes(code) && !error.text.fr.includes(code), code);
      assert.match(error.text.en, /nothing was changed/i, code);
      assert.match(error.text.fr, /rien n’a été modifié/i, code);
    }
  } finally {
    await remove();
  }
});

test('a trash entry planted with a link to a folder outside the vault moves nothing in, at open or on restore', async () => {
  const { root, vault, remove } = await vaultWithSource();
  try {
    await vault.close();
    const outside = path.join(path.dirname(root), 'documents');
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'diary.md'), 'private');
    for (const [id, state] of [['planted-moving', 'moving'], ['planted-done', 'done']] as const) {
      const entry = path.join(root, '.carnet', 'trash', id);
      await fs.mkdir(path.join(entry, 'files'), { recursive: true });
      await fs.symlink(outside, path.join(entry, 'files', 'notes'));
      await fs.writeFile(path.join(entry, 'manifest.json'), JSON.stringify({ id, kind: 'note', title: 'Diary', deleted: '2026-01-01T00:00:00.000Z', files: ['notes/diary.md'], state }));
    }
    const reopened = await Vault.open(root, { watch: false });
    try {
      await assert.rejects(reopened.restore('planted-done'), CarnetError);
      assert.equal(await fs.readFile(path.join(outside, 'diary.md'), 'utf8'), 'private');
      await assert.rejects(fs.access(path.join(root, 'notes', 'diary.md')));
    } finally {
      await reopened.close();
    }
  } finally {
    await remove();
  }
});

test('an import never replaces an original already on disk, even one a hand-renamed source still names', async () => {
  const { root, vault, source, remove } = await vaultWithSource();
  try {
    // The user renamed the source's file by hand; it still names sources/originals/article.html.
    await fs.rename(path.join(root, source.path), path.join(root, 'sources', 'article-2019.md'));
    await vault.reload([source.path, 'sources/article-2019.md']);
    const again = await vault.addSource({ title: 'Article', authors: [] }, 'Another text.\n', { bytes: Buffer.from('<p>new</p>'), extension: 'html' });
    assert.notEqual(again.original, 'sources/originals/article.html');
    assert.equal(await fs.readFile(path.join(root, 'sources', 'originals', 'article.html'), 'utf8'), '<p>raw</p>');
    await vault.close();
  } finally {
    await remove();
  }
});
