import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';

const isCode = (code: string) => (error: unknown) => error instanceof CarnetError && error.code === code;

test('a vault written by a newer Carnet opens read-only, says why, and refuses every write', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const manifestFile = path.join(dir, 'carnet.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, version: 99 }));
    const before = await fs.readFile(manifestFile);
    const vault = await Vault.open(dir, { watch: false });
    try {
      const info = vault.info();
      assert.equal(info.readOnly, true);
      assert.match(info.readOnlyReason?.en ?? '', /newer Carnet \(format 99\).*Update Carnet/);
      assert.match(info.readOnlyReason?.fr ?? '', /Carnet plus récent \(format 99\).*Mettez Carnet à jour/);
      assert.equal(info.counts.notes, 2, 'its content is still readable');
      const note = vault.getNote('sample-welcome');
      await assert.rejects(vault.saveNote(note.id, { title: 'x', body: 'y', tags: [] }, note.revision), isCode('read-only'));
      await assert.rejects(vault.createNote('x'), isCode('read-only'));
      await assert.rejects(vault.deleteItem('note', note.id), isCode('read-only'));
      await assert.rejects(fs.access(path.join(dir, '.carnet', 'lock')), 'a read-only vault takes no lock');
    } finally {
      await vault.close();
    }
    assert.deepEqual(await fs.readFile(manifestFile), before);
  } finally {
    await remove();
  }
});

test('a folder without carnet.json is not a vault; a broken carnet.json is reported and left alone', async () => {
  const { dir, remove } = await tempDir();
  try {
    await assert.rejects(Vault.open(dir), (error: unknown) => isCode('not-a-vault')(error) && /has no carnet.json/.test((error as Error).message));
    await fs.writeFile(path.join(dir, 'carnet.json'), '{ "format": "carnet-vault", ');
    await assert.rejects(Vault.open(dir), (error: unknown) => isCode('unreadable')(error) && /not valid JSON/.test((error as Error).message));
    assert.equal(await fs.readFile(path.join(dir, 'carnet.json'), 'utf8'), '{ "format": "carnet-vault", ');
  } finally {
    await remove();
  }
});

test('creating a vault refuses a folder that is not empty or is a vault already', async () => {
  const { dir, remove } = await tempDir();
  try {
    await fs.writeFile(path.join(dir, 'thesis.docx'), 'precious');
    await assert.rejects(Vault.create(dir), /is not empty/);
    const root = path.join(dir, 'v');
    await (await Vault.create(root, 'Field notes')).close();
    await assert.rejects(Vault.create(root), /already a Carnet vault/);
    const manifest = JSON.parse(await fs.readFile(path.join(root, 'carnet.json'), 'utf8')) as { format: string; version: number; name: string };
    assert.deepEqual([manifest.format, manifest.version, manifest.name], ['carnet-vault', 1, 'Field notes']);
    assert.equal(await fs.readFile(path.join(dir, 'thesis.docx'), 'utf8'), 'precious');
  } finally {
    await remove();
  }
});
