import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveInVault } from '../../../electron/vault/vault-paths.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';

test('paths that leave the vault are refused: "..", absolute, drive letters, NUL, symlinks out', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const outside = await tempDir('carnet-outside-');
  try {
    for (const bad of ['../escape.md', 'notes/../../escape.md', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share', 'notes/a\0b.md', '..']) {
      await assert.rejects(resolveInVault(dir, bad), /points outside the vault/, bad);
    }
    await fs.symlink(outside.dir, path.join(dir, 'notes', 'linked'));
    await assert.rejects(resolveInVault(dir, 'notes/linked/secret.md'), /points outside the vault/);
    assert.equal(await resolveInVault(dir, 'notes/welcome-to-carnet.md'), path.join(dir, 'notes', 'welcome-to-carnet.md'));
    assert.equal(await resolveInVault(dir, 'notes/not-yet-written.md'), path.join(dir, 'notes', 'not-yet-written.md'));
  } finally {
    await remove();
    await outside.remove();
  }
});

test('a note that is a symlink to a file outside the vault is not read, and is reported', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const outside = await tempDir('carnet-outside-');
  try {
    const secret = path.join(outside.dir, 'secret.md');
    await fs.writeFile(secret, '---\nid: secret\ntitle: Secret\ntags: []\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\n---\nprivate\n');
    await fs.symlink(secret, path.join(dir, 'notes', 'secret.md'));
    const vault = await Vault.open(dir, { watch: false });
    try {
      assert.ok(!vault.listNotes().some((n) => n.id === 'secret'));
      assert.deepEqual(vault.problems().map((p) => [p.path, p.message.en]), [['notes/secret.md', 'This is a link to a file outside the vault; Carnet does not follow it. Put the file itself in the vault.']]);
      assert.match(vault.problems()[0]?.message.fr ?? '', /lien vers un fichier hors du coffre/);
    } finally {
      await vault.close();
    }
  } finally {
    await remove();
    await outside.remove();
  }
});
