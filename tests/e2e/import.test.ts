import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { FIXTURES, SEEDS, seedsMissing } from '../helpers/seeds.ts';
import { sampleVaultCopy, tempDir } from '../helpers/temp-dir.ts';

const skip = e2eUnavailable() ?? false;

test('importing a hostile web page shows its article and runs none of its scripts', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('Choose files…').setInputFiles([path.join(FIXTURES, 'article.html'), path.join(FIXTURES, 'chiffre.pdf')]);
    await page.getByText('2 files read.').waitFor();
    assert.match((await page.locator('.import-results').textContent()) ?? '', /Failed.*encrypted with a password/s);
    await page.getByRole('dialog').getByRole('button', { name: 'Hà Nội accueille la sixième réunion ministérielle du processus COMMIT' }).click();
    await page.locator('.reader h1').waitFor();
    assert.match((await page.locator('.reader-body').textContent()) ?? '', /Les délégations ont adopté un plan d'action/);
    assert.equal(await page.locator('.reader-body h2').textContent(), "Un plan d'action commun");
    assert.equal(await page.locator('.reader-body .body-caption').count(), 1);
    assert.equal(await page.evaluate(() => (globalThis as Record<string, unknown>).__hostileRan), undefined, 'a script of the page ran');
    assert.equal(await page.locator('script:not([src*="assets/"]), iframe, img[onerror], a[href^="javascript:"]').count(), 0);
    assert.equal(await page.title(), 'Carnet Sample Vault — Carnet');
    const file = (await fs.readdir(path.join(vault.dir, 'sources', 'originals'))).find((f) => f.endsWith('.html'));
    assert.ok(file, 'the original page is kept for provenance');
    await screenshot(page, 'imported-web-page');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('importing the seed captures: progress, a line per file, duplicates recognised on a second import', { skip: skip || seedsMissing }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    const seeds = (await fs.readdir(SEEDS)).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('Choose files…').setInputFiles(seeds);
    await page.getByText(`${seeds.length} files read.`).waitFor();
    assert.match((await page.locator('.import-progress').textContent()) ?? '', new RegExp(`${seeds.length} imported · 0 already in the vault · 0 failed`));
    await screenshot(page, 'import-summary');
    await page.getByLabel('Choose files…').setInputFiles(seeds);
    await page.getByText('already in the vault', { exact: false }).first().waitFor();
    await page.locator('.status-duplicate').nth(seeds.length - 1).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Coopération globale/ }).click();
    await page.locator('.reader-body').waitFor();
    assert.match((await page.locator('.reader .byline').first().textContent()) ?? '', /VietnamPlus · 19 Nov 2025/);
    assert.match((await page.locator('.details').textContent()) ?? '', /French/);
    await screenshot(page, 'imported-seed');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('an article pasted from the clipboard is imported', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.getByRole('button', { name: 'Import' }).click();
    const text = await fs.readFile(path.join(FIXTURES, 'capture-en.txt'), 'utf8');
    // What Ctrl+V delivers: a paste event carrying the clipboard's text.
    await page.getByRole('region', { name: 'Drop files or folders to import' }).evaluate((zone, pasted) => {
      const browser = globalThis as unknown as { DataTransfer: new () => { setData(type: string, data: string): void }; ClipboardEvent: new (type: string, init: object) => unknown };
      const data = new browser.DataTransfer();
      data.setData('text/plain', pasted);
      zone.dispatchEvent(new browser.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }) as never);
    }, text);
    await page.getByRole('dialog').getByRole('button', { name: 'Six countries renew their pledge against trafficking in Hanoi' }).click();
    await page.locator('.reader-body h2', { hasText: 'A new action plan' }).waitFor();
    const originals = await fs.readdir(path.join(vault.dir, 'sources', 'originals'));
    assert.ok(originals.some((f) => f.startsWith('six-countries-renew') && f.endsWith('.txt')));
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('metadata that import read wrong is corrected in the details pane; the text stays byte for byte', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    const file = path.join(vault.dir, 'sources', 'phnom-penh-quatrieme-reunion-ministerielle.md');
    const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n') + 5);
    const before = bodyOf(await fs.readFile(file, 'utf8'));
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Phnom Penh/ }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const details = page.locator('.details');
    await details.getByLabel('Published', { exact: true }).fill('2016-12-08');
    await details.getByLabel('Publisher', { exact: true }).fill('VNA');
    await details.getByLabel('Authors').fill('Lê Quý Vương\nCarnet team');
    await screenshot(page, 'metadata-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.reader .byline', { hasText: 'VNA · Lê Quý Vương; Carnet team · 8 Dec 2016' }).waitFor();
    const after = await fs.readFile(file, 'utf8');
    assert.match(after, /\npublished: (")?2016-12-08(")?\n/);
    assert.equal(bodyOf(after), before);
    await page.getByRole('button', { name: 'Edit' }).click();
    await details.getByLabel('Address', { exact: true }).fill('ftp://example.org/x');
    await details.getByText('An address starts with http:// or https://.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true, 'refused before it is sent');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('a whole folder is imported, its other formats left out and counted', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const folder = await tempDir('carnet-folder-');
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await fs.mkdir(path.join(folder.dir, 'captures', 'nov'), { recursive: true });
    await fs.copyFile(path.join(FIXTURES, 'capture-en.txt'), path.join(folder.dir, 'captures', 'capture-en.txt'));
    await fs.copyFile(path.join(FIXTURES, 'note-exportee.md'), path.join(folder.dir, 'captures', 'nov', 'note-exportee.md'));
    await fs.writeFile(path.join(folder.dir, 'captures', 'nov', 'photo.jpg'), 'jpeg');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('Choose a folder…').setInputFiles(path.join(folder.dir, 'captures'));
    await page.getByText('2 files read.').waitFor();
    assert.match((await page.locator('.import-progress').textContent()) ?? '', /2 imported · 0 already in the vault · 0 failed.*1 file in another format left out/s);
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
    await folder.remove();
  }
});

test('pasting an article copied from a web page imports it under its heading, in English and in French', { skip }, async () => {
  for (const [locale, colorScheme, imported] of [['en-GB', 'light', 'Imported'], ['fr-FR', 'dark', 'Importé']] as const) {
    const vault = await sampleVaultCopy();
    const harness = await startHarness(vault.dir, { locale, colorScheme });
    const { page, browser } = harness;
    try {
      await browser.grantPermissions(['clipboard-read', 'clipboard-write']);
      // A real browser copy: select an article in another tab and press Ctrl+C; the clipboard gets text/html without a <title>.
      const site = await browser.newPage();
      await site.setContent(`<!doctype html><html><head><title>Site — Section Asie</title></head><body><nav>Accueil · Monde · Asie</nav>
        <article><h1>Traite des êtres humains : le Mékong renforce sa coopération</h1>
        <p>Les six pays du processus COMMIT se sont réunis à Hà Nội pour adopter un nouveau plan d’action contre la traite.</p>
        <p>Le Cambodge, le Laos, le Myanmar, la Thaïlande, le Vietnam et la Chine ont promis de partager leurs données.</p></article></body></html>`);
      await site.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('article') as Node);
        const selection = getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      });
      await site.keyboard.press('Control+C');
      await page.bringToFront();
      await page.locator('.toolbar button.primary, .toolbar button').filter({ hasText: locale === 'fr-FR' ? 'Importer' : 'Import' }).first().click();
      await page.locator('.drop-zone').focus();
      await page.keyboard.press('Control+V');
      const summary = page.locator('.import-results');
      await summary.getByText(imported, { exact: true }).waitFor();
      assert.match((await summary.textContent()) ?? '', /Traite des êtres humains : le Mékong renforce sa coopération/);
      assert.match((await page.locator('.import-progress').textContent()) ?? '', locale === 'fr-FR' ? /^1 fichier lu\./ : /^1 file read\./);
      assert.match((await summary.textContent()) ?? '', locale === 'fr-FR' ? /Presse-papiers/ : /Clipboard/);
      // The library shows it at once, and it opens from the summary.
      await page.locator('.sidebar').getByText('Traite des êtres humains : le Mékong renforce sa coopération').waitFor();
      await screenshot(page, `paste-import-${locale}-${colorScheme}`);
      await summary.getByRole('button', { name: /Traite des êtres humains/ }).click();
      await page.locator('.reader-body').getByText(/Les six pays du processus COMMIT/).waitFor();
      assert.equal(await page.locator('.reader h1').textContent(), 'Traite des êtres humains : le Mékong renforce sa coopération');
      await screenshot(page, `paste-import-reader-${locale}-${colorScheme}`);
      const sources = await fs.readdir(path.join(vault.dir, 'sources'));
      assert.ok(sources.includes('traite-des-etres-humains-le-mekong-renforce-sa-cooperation.md'), sources.join(', '));
      assert.ok(!sources.some((name) => name.startsWith('untitled')), sources.join(', '));
      assert.deepEqual(harness.errors, []);
    } finally {
      await harness.close();
      await vault.remove();
    }
  }
});
