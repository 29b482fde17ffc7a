import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy, tempDir } from '../helpers/temp-dir.ts';

const skip = e2eUnavailable() ?? false;

const bomb = [
  '---',
  'id: bomb',
  'title: Bomb',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'created: 2025-11-19T10:00:00Z',
  'updated: 2025-11-19T10:00:00Z',
  '---',
  'body',
  '',
].join('\n');

test('a vault with an alias bomb and an invalid JSON file opens; both are listed, in French, and left as they are', { skip }, async () => {
  const vault = await sampleVaultCopy();
  await fs.writeFile(path.join(vault.dir, 'notes', 'bombe.md'), bomb);
  await fs.writeFile(path.join(vault.dir, 'codebook.json'), '{ "codes": [ ');
  const harness = await startHarness(vault.dir, { locale: 'fr-FR', colorScheme: 'dark' });
  const { page } = harness;
  try {
    await page.locator('.sidebar .item').first().waitFor();
    await page.getByRole('button', { name: /2 fichiers illisibles/ }).click();
    const rows = page.locator('.problem-row');
    await rows.nth(1).waitFor();
    const text = (await page.locator('.problems, main').first().textContent()) ?? '';
    assert.match(text, /codebook\.json.*n’est pas du JSON valide.*Corrigez-le dans un éditeur de texte/s);
    assert.match(text, /notes\/bombe\.md.*L’en-tête ne peut pas être lu.*Corrigez-le/s);
    await screenshot(page, 'problems-hostile-fr-dark');
    assert.equal(await fs.readFile(path.join(vault.dir, 'notes', 'bombe.md'), 'utf8'), bomb);
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('a vault whose notes folder links outside it opens read-only, saying why, in English', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const outside = await tempDir('carnet-outside-');
  await fs.cp(path.join(vault.dir, 'notes'), outside.dir, { recursive: true });
  await fs.rm(path.join(vault.dir, 'notes'), { recursive: true });
  await fs.symlink(outside.dir, path.join(vault.dir, 'notes'));
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    const banner = page.locator('.banner-warning');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /Opened read-only: notes\/ is a link to a place outside the vault.*Replace the link with a real folder/);
    await screenshot(page, 'read-only-linked-folder');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
    await outside.remove();
  }
});
