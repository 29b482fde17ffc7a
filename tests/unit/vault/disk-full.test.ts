import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite, type ChunkWriter } from '../../../electron/vault/atomic-write.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** A writer that writes at most `chunk` bytes a call, and nothing once `capacity` bytes are written. */
function limitedWriter(chunk: number, capacity = Infinity): ChunkWriter & { calls: number } {
  let written = 0;
  const writer = Object.assign(
    async (handle: fs.FileHandle, bytes: Uint8Array, offset: number) => {
      writer.calls++;
      const size = Math.min(chunk, bytes.length - offset, capacity - written);
      if (size <= 0) return 0;
      const { bytesWritten } = await handle.write(bytes, offset, size);
      written += bytesWritten;
      return bytesWritten;
    },
    { calls: 0 },
  );
  return writer;
}

const isDiskFull = (error: unknown) => error instanceof CarnetError && error.code === 'disk-full' && /The disk is full: nothing was changed/.test(error.text.en) && /Le disque est plein : rien n’a été modifié/.test(error.text.fr);

test('short writes are continued until every byte is on disk', async () => {
  const { dir, remove } = await tempDir();
  try {
    const file = path.join(dir, 'note.md');
    const content = 'Hà Nội, Vương, Phnom Penh. '.repeat(20_000);
    const writer = limitedWriter(4096);
    await atomicWrite(file, content, { writer });
    assert.equal(await fs.readFile(file, 'utf8'), content);
    assert.ok(writer.calls > 100, `the writer was called ${writer.calls} times`);
  } finally {
    await remove();
  }
});

test('a disk that fills mid-write leaves the old file untouched, no temporary file, and says so in both languages', async () => {
  const { dir, remove } = await tempDir();
  try {
    const file = path.join(dir, 'note.md');
    await fs.writeFile(file, 'the previous version\n');
    await assert.rejects(atomicWrite(file, 'x'.repeat(440_000), { writer: limitedWriter(16_384, 100_000) }), isDiskFull);
    assert.equal(await fs.readFile(file, 'utf8'), 'the previous version\n');
    assert.deepEqual(await fs.readdir(dir), ['note.md']);
    const enospc: ChunkWriter = async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    await assert.rejects(atomicWrite(file, 'new', { writer: enospc }), isDiskFull);
    const eio: ChunkWriter = async () => Promise.reject(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
    await assert.rejects(atomicWrite(file, 'new', { writer: eio }), (error: unknown) => error instanceof CarnetError && /nothing was changed/.test(error.message) && !/EIO:/.test(error.message));
    assert.equal(await fs.readFile(file, 'utf8'), 'the previous version\n');
    assert.deepEqual(await fs.readdir(dir), ['note.md']);
  } finally {
    await remove();
  }
});

/** A real 2 MB tmpfs, where the OS lets us mount one (CI runs as root); null elsewhere. */
function mountSmallDisk(at: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('on a real full disk, saving a note and importing an article fail clearly and change nothing', async (t) => {
  const { dir, remove } = await tempDir();
  const disk = path.join(dir, 'disk');
  await fs.mkdir(disk);
  if (!mountSmallDisk(disk)) {
    await remove();
    t.skip('cannot mount a tmpfs here (not root, or no mount permission)');
    return;
  }
  try {
    const root = path.join(disk, 'vault');
    const vault = await Vault.create(root, 'Full');
    const note = await vault.createNote('Field notes', 'The first version.\n');
    const notePath = path.join(root, note.path);
    const before = await fs.readFile(notePath, 'utf8');
    // Fill the disk until about 100 KB are left.
    const { bavail, bsize } = await fs.statfs(disk);
    await fs.writeFile(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 100_000)));
    await assert.rejects(vault.saveNote(note.id, { title: 'Field notes', body: `${'Hà Nội '.repeat(60_000)}\n`, tags: [] }, note.revision), isDiskFull);
    assert.equal(await fs.readFile(notePath, 'utf8'), before, 'the previous version is still there');
    assert.equal(vault.getNote(note.id).body, 'The first version.\n');

    await fs.appendFile(path.join(disk, 'filler'), Buffer.alloc(60_000)).catch(() => undefined);
    const article = Array.from({ length: 400 }, (_, i) => `Paragraphe ${i} : la coopération du Mékong contre la traite, Hà Nội et Phnom Penh.`).join('\n\n');
    const result = await importIntoVault(vault, { name: 'article.txt', bytes: Buffer.from(article) }, 'fr');
    assert.equal(result.status, 'failed');
    assert.match(result.status === 'failed' ? result.reason : '', /Le disque est plein/);
    assert.deepEqual(vault.listSources(), []);
    assert.deepEqual(await fs.readdir(path.join(root, 'sources', 'originals')), [], 'no orphan original');
    assert.deepEqual((await fs.readdir(path.join(root, 'sources'))).filter((n) => n !== 'originals'), [], 'no half-written source');
    assert.deepEqual((await fs.readdir(path.join(root, 'notes'))).filter((n) => n.includes('carnet-tmp')), [], 'no temporary file left');
    await vault.close();
  } finally {
    execFileSync('umount', [disk], { stdio: 'ignore' });
    await remove();
  }
});
