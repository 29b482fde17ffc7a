import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { FIXTURES } from '../../helpers/seeds.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function emptyVault() {
  const temp = await tempDir();
  const vault = await Vault.create(path.join(temp.dir, 'v'), 'Import');
  return { vault, close: async () => (await vault.close(), await temp.remove()) };
}

const fixture = async (name: string) => ({ name, bytes: await fs.readFile(path.join(FIXTURES, name)) });

test('an imported source is written with its metadata, fingerprint and untouched original', async () => {
  const { vault, close } = await emptyVault();
  try {
    const input = await fixture('article.html');
    const result = await importIntoVault(vault, input);
    assert.equal(result.status, 'imported');
    if (result.status !== 'imported') return;
    const source = vault.getSource(result.sourceId);
    assert.equal(source.title, 'Hà Nội accueille la sixième réunion ministérielle du processus COMMIT');
    assert.equal(source.published, '2025-11-19');
    assert.match(source.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(await fs.readFile(path.join(vault.root, source.original ?? '')), input.bytes);
    assert.ok(source.body.endsWith('mise en œuvre.\n'));
  } finally {
    await close();
  }
});

test('the same text, or the same address, is not imported twice: the existing source is named', async () => {
  const { vault, close } = await emptyVault();
  try {
    const first = await importIntoVault(vault, await fixture('capture-en.txt'));
    assert.equal(first.status, 'imported');
    const text = (await fs.readFile(path.join(FIXTURES, 'capture-en.txt'), 'utf8')).replace(/\n\n/g, '\n\n\n').replace('HANOI —', 'HANOI  —');
    const sameText = await importIntoVault(vault, { name: 'copie.txt', bytes: new TextEncoder().encode(text) });
    assert.equal(sameText.status, 'duplicate');
    if (sameText.status === 'duplicate') {
      assert.equal(sameText.existingTitle, 'Six countries renew their pledge against trafficking in Hanoi');
      assert.match(sameText.reason, /same text/);
    }
    await importIntoVault(vault, await fixture('article.html'));
    const html = (await fs.readFile(path.join(FIXTURES, 'article.html'), 'utf8'))
      .replace('les recruteurs passent désormais', 'les recruteurs, selon la version mise à jour, passent désormais')
      .replace('https://journal-du-mekong.example/2025/11/19/imm6-hanoi', 'https://www.journal-du-mekong.example/2025/11/19/imm6-hanoi/?utm_source=newsletter#top');
    const sameUrl = await importIntoVault(vault, { name: 'mise-a-jour.html', bytes: new TextEncoder().encode(html) });
    assert.equal(sameUrl.status, 'duplicate');
    if (sameUrl.status === 'duplicate') assert.match(sameUrl.reason, /same address/);
    assert.equal(vault.listSources().length, 2);
  } finally {
    await close();
  }
});

test('a bad file gets a reason and leaves the vault as it was; a file over the limit is refused unread', async () => {
  const { vault, close } = await emptyVault();
  try {
    const bad = await importIntoVault(vault, { name: 'photo.txt', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    assert.deepEqual([bad.status, bad.status === 'failed' && /binary data/.test(bad.reason)], ['failed', true]);
    const huge = await importIntoVault(vault, { name: 'huge.txt', bytes: new Uint8Array(50 * 1024 * 1024 + 1) });
    assert.equal(huge.status, 'failed');
    if (huge.status === 'failed') assert.match(huge.reason, /Carnet imports files up to 50 MB/);
    assert.deepEqual(vault.listSources(), []);
    assert.deepEqual(await fs.readdir(path.join(vault.root, 'sources', 'originals')), []);
  } finally {
    await close();
  }
});
