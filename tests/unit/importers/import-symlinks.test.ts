import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { collectFiles } from '../../../electron/importers/collect-files.ts';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { folderContains, linkedFolder } from '../../helpers/linked-folder.ts';

const symlinks = process.platform === 'win32' ? 'symbolic links need extra rights on Windows' : false;

test('a folder import follows no link: only the real article reaches the vault, and each link gets its reason', { skip: symlinks }, async () => {
  const farm = await linkedFolder();
  const vault = await Vault.create(farm.vaultDir, 'Links');
  try {
    const collected = await collectFiles([farm.drop]);
    assert.deepEqual(
      collected.files.map((f) => path.relative(farm.drop, f.path)),
      ['capture-en.txt'],
    );
    const byName = Object.fromEntries(collected.links.map((l) => [path.relative(farm.drop, l.path), l]));
    const expected = ['gone.txt', 'linked', path.join('nested', 'alias.txt'), 'secret.txt', ...(farm.passwd ? ['passwd.txt'] : [])].sort();
    assert.deepEqual(Object.keys(byName).sort(), expected);

    assert.equal(byName['secret.txt']?.kind, 'outside');
    assert.equal(
      byName['secret.txt']?.reason.en,
      'drop/secret.txt is a link to a file outside the imported folder; Carnet does not follow it, so nothing outside the folder is copied into your vault. To import the file it points to, import that file by itself.',
    );
    assert.match(byName['secret.txt']?.reason.fr ?? '', /^drop\/secret\.txt est un lien vers un fichier situé hors du dossier importé ; Carnet ne le suit pas/);
    if (farm.passwd) assert.equal(byName['passwd.txt']?.kind, 'outside');
    assert.equal(byName['gone.txt']?.kind, 'dangling');
    assert.match(byName['gone.txt']?.reason.en ?? '', /^drop\/gone\.txt is a link to a file that does not exist\./);
    assert.match(byName['gone.txt']?.reason.fr ?? '', /^drop\/gone\.txt est un lien vers un fichier qui n’existe pas\./);
    assert.equal(byName[path.join('nested', 'alias.txt')]?.kind, 'inside');
    assert.match(byName[path.join('nested', 'alias.txt')]?.reason.en ?? '', /is a link to drop\/capture-en\.txt, in the same folder/);
    assert.equal(byName.linked?.kind, 'folder');
    assert.ok(collected.links.every((l) => l.reason.fr !== l.reason.en && l.reason.fr.length > 0), 'every reason has its French text');
    assert.deepEqual(collected.missing, []);

    for (const file of collected.files) {
      const result = await importIntoVault(vault, { name: path.basename(file.path), bytes: await fs.readFile(file.path) });
      assert.equal(result.status, 'imported');
    }
    assert.deepEqual(vault.listSources().map((s) => s.title), ['Six countries renew their pledge against trafficking in Hanoi']);
    assert.deepEqual(await folderContains(farm.vaultDir, farm.marker), [], 'no byte of the outside file is in the vault');
    if (farm.passwd) {
      const firstLine = (await fs.readFile('/etc/passwd', 'utf8')).split('\n')[0] ?? '';
      if (firstLine) assert.deepEqual(await folderContains(farm.vaultDir, firstLine), [], 'nothing of /etc/passwd is in the vault');
    }
  } finally {
    await vault.close();
    await farm.remove();
  }
});

test('a link the user names by itself is followed: the user chose that file', { skip: symlinks }, async () => {
  const farm = await linkedFolder();
  try {
    const collected = await collectFiles([path.join(farm.drop, 'secret.txt')]);
    assert.deepEqual(collected.files.map((f) => [f.path, f.inFolder]), [[path.join(farm.drop, 'secret.txt'), false]]);
    assert.deepEqual(collected.links, []);
  } finally {
    await farm.remove();
  }
});

test('a folder named through a link is walked, and links inside it are judged against its real place', { skip: symlinks }, async () => {
  const farm = await linkedFolder();
  try {
    const alias = path.join(farm.dir, 'drop-alias');
    await fs.symlink(farm.drop, alias, 'dir');
    const collected = await collectFiles([alias]);
    assert.deepEqual(collected.files.map((f) => path.basename(f.path)), ['capture-en.txt']);
    const kinds = Object.fromEntries(collected.links.map((l) => [path.basename(l.path), l.kind]));
    assert.equal(kinds['alias.txt'], 'inside');
    assert.equal(kinds['secret.txt'], 'outside');
  } finally {
    await farm.remove();
  }
});
