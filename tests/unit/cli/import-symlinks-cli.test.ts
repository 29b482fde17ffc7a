import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { cli } from '../../helpers/run-cli.ts';
import { folderContains, linkedFolder } from '../../helpers/linked-folder.ts';

const symlinks = process.platform === 'win32' ? 'symbolic links need extra rights on Windows' : false;

test('carnet import of a folder with links: the summary says why each link was not followed, and nothing outside is copied', { skip: symlinks }, async () => {
  const farm = await linkedFolder();
  try {
    assert.equal((await cli('init', farm.vaultDir)).code, 0);
    const run = await cli('import', '--vault', farm.vaultDir, farm.drop);
    assert.equal(run.code, 0, `links are not failures: ${run.out}`);
    const links = farm.passwd ? 5 : 4;
    assert.match(run.out, new RegExp(`^1 imported, 0 already in the vault, 0 failed, ${links} links not followed\\.$`, 'm'));
    assert.match(
      run.out,
      /^ {2}not followed: drop\/secret\.txt is a link to a file outside the imported folder; Carnet does not follow it, so nothing outside the folder is copied into your vault\./m,
    );
    if (farm.passwd) assert.match(run.out, /^ {2}not followed: drop\/passwd\.txt is a link to a file outside the imported folder;/m);
    assert.match(run.out, /^ {2}not followed: drop\/gone\.txt is a link to a file that does not exist\./m);
    assert.match(run.out, /^ {2}not followed: drop\/nested\/alias\.txt is a link to drop\/capture-en\.txt, in the same folder;/m);
    assert.match(run.out, /^ {2}not followed: drop\/linked is a link to a folder;/m);
    assert.doesNotMatch(run.err, /secret\.txt|passwd\.txt/, 'no progress line for a link: none was read');
    assert.deepEqual(await folderContains(farm.vaultDir, farm.marker), []);
    if (farm.passwd) {
      const firstLine = (await fs.readFile('/etc/passwd', 'utf8')).split('\n')[0] ?? '';
      if (firstLine) assert.deepEqual(await folderContains(farm.vaultDir, firstLine), []);
    }
  } finally {
    await farm.remove();
  }
});

test('carnet import --json lists the links not followed beside the results', { skip: symlinks }, async () => {
  const farm = await linkedFolder();
  try {
    await cli('init', farm.vaultDir);
    const run = await cli('import', '--vault', farm.vaultDir, farm.drop, '--json');
    const report = JSON.parse(run.out) as { counts: Record<string, number>; results: { name: string; status: string }[]; links: { name: string; kind: string; reason: string }[] };
    assert.deepEqual(report.counts, { imported: 1, duplicates: 0, failed: 0, skipped: 0 });
    assert.deepEqual(report.results.map((r) => [r.name, r.status]), [['capture-en.txt', 'imported']]);
    const kinds = Object.fromEntries(report.links.map((l) => [l.name, l.kind]));
    assert.deepEqual(kinds, { 'alias.txt': 'inside', 'gone.txt': 'dangling', linked: 'folder', 'secret.txt': 'outside', ...(farm.passwd ? { 'passwd.txt': 'outside' } : {}) });
    assert.match(report.links.find((l) => l.name === 'secret.txt')?.reason ?? '', /outside the imported folder/);
    assert.deepEqual(await folderContains(farm.vaultDir, farm.marker), []);
  } finally {
    await farm.remove();
  }
});
