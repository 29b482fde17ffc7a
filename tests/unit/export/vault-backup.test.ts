import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { backupVault } from '../../../electron/export/vault-backup.ts';
import { restoreVault } from '../../../electron/export/vault-restore.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';

async function filesOf(root: string, relative = ''): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await fs.readdir(path.join(root, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of await filesOf(root, name)) found.set(k, v);
    else if (entry.isFile()) found.set(name, (await fs.readFile(path.join(root, name))).toString('base64'));
  }
  return found;
}

test('a backup restored is the vault again, byte for byte, history and trash included; the search index and the lock are left out', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const out = await tempDir();
  try {
    const vault = await Vault.open(dir);
    const note = vault.getNote('sample-timeline');
    await vault.saveNote(note.id, { title: note.title, body: `${note.body}\nUne ligne de plus, à Hà Nội.\n`, tags: note.tags }, note.revision);
    await vault.deleteItem('note', 'sample-welcome');
    await fs.mkdir(path.join(dir, '.carnet', 'index'), { recursive: true });
    await fs.writeFile(path.join(dir, '.carnet', 'index', 'shard-0.json'), '{}');
    await vault.close();
    const zip = path.join(out.dir, 'backup.zip');
    const made = await backupVault(dir, zip);
    assert.ok(made.files > 10);
    const restored = path.join(out.dir, 'restored');
    const { files } = await restoreVault(zip, restored);
    assert.equal(files, made.files);
    const before = await filesOf(dir);
    const after = await filesOf(restored);
    for (const name of [...before.keys()].filter((n) => n.startsWith('.carnet/index') || n === '.carnet/lock')) before.delete(name);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    for (const [name, bytes] of before) assert.equal(after.get(name), bytes, name);
    assert.ok([...after.keys()].some((n) => n.startsWith('.carnet/history/')), 'the notes’ history is in');
    assert.ok([...after.keys()].some((n) => n.startsWith('.carnet/trash/')), 'the trash is in');
    const reopened = await Vault.open(restored, { readOnly: true, watch: false });
    assert.equal(reopened.listNotes().length, 1);
    await reopened.close();
  } finally {
    await remove();
    await out.remove();
  }
});

test('a backup is never written inside the vault it saves', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    await assert.rejects(backupVault(dir, path.join(dir, 'backup.zip')), (e: unknown) => e instanceof CarnetError && /outside the vault/.test(e.text.en));
  } finally {
    await remove();
  }
});

async function hostile(name: string, content: string, options: JSZip.JSZipFileOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('carnet.json', '{"format":"carnet-vault","formatVersion":1,"id":"x","name":"x"}');
  zip.file(name, content, options);
  return zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
}

test('a backup with a path leaving the folder, an absolute path, a link or no carnet.json is refused whole: nothing is written', async () => {
  const { dir, remove } = await tempDir();
  try {
    const cases: [string, Buffer, RegExp][] = [
      ['dot-dot', await hostile('../escaped.txt', 'x'), /leaves the folder|refused|cannot be read/],
      ['absolute', await hostile('/etc/evil.txt', 'x'), /leaves the folder|refused|cannot be read/],
      ['link', await hostile('notes/link.md', '/etc/passwd', { unixPermissions: 0o120777 }), /link or a device/],
      ['no vault', await new JSZip().file('notes/a.md', 'x').generateAsync({ type: 'nodebuffer' }), /no carnet\.json/],
    ];
    for (const [label, bytes, why] of cases) {
      const zip = path.join(dir, `${label}.zip`);
      await fs.writeFile(zip, bytes);
      const target = path.join(dir, `into-${label.replace(/\W/g, '-')}`);
      await assert.rejects(restoreVault(zip, target), (e: unknown) => e instanceof CarnetError && why.test(e.text.en), label);
      assert.deepEqual((await fs.readdir(dir)).filter((n) => n.startsWith('into-')), [], `${label}: nothing was written`);
    }
    assert.equal(await fs.stat(path.join(dir, '..', 'escaped.txt')).then(() => true, () => false), false);
  } finally {
    await remove();
  }
});

test('restoring into a folder that is not empty is refused, the folder left as it was', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const out = await tempDir();
  try {
    const zip = path.join(out.dir, 'b.zip');
    await backupVault(dir, zip);
    await fs.writeFile(path.join(out.dir, 'keep.txt'), 'mine');
    await assert.rejects(restoreVault(zip, out.dir), (e: unknown) => e instanceof CarnetError && e.code === 'conflict' && /not empty/.test(e.text.en));
    assert.equal(await fs.readFile(path.join(out.dir, 'keep.txt'), 'utf8'), 'mine');
  } finally {
    await remove();
    await out.remove();
  }
});
