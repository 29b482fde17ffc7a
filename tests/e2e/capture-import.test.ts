import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness, waitForCount } from '../helpers/browser.ts';
import { FIXTURES } from '../helpers/seeds.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const skip = e2eUnavailable() ?? false;

const NEWS = 'capture-news-menus.txt';
const LISTS = 'capture-link-lists.txt';
const HEADLINE = 'Farmers in the Mekong Delta turn to salt-tolerant rice as seawater creeps inland';

async function sourceFile(vault: string, title: RegExp): Promise<string> {
  for (const name of await fs.readdir(path.join(vault, 'sources'))) {
    if (!name.endsWith('.md')) continue;
    const text = await fs.readFile(path.join(vault, 'sources', name), 'utf8');
    if (title.test(text)) return path.join(vault, 'sources', name);
  }
  throw new Error(`no source matching ${title}`);
}

/** The ⋯ of the paragraph that holds `text`, opened by the mouse. */
async function openMenu(page: Page, text: string): Promise<void> {
  const paragraph = page.locator('.reader-body p', { hasText: text });
  await paragraph.hover();
  await paragraph.locator('.trim-button').click();
  await page.getByRole('menu').waitFor();
}

test('a capture with menus gets its headline; one with no article is imported whole, flagged, trimmed and marked done', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('Choose files…').setInputFiles([path.join(FIXTURES, NEWS), path.join(FIXTURES, LISTS)]);
    await page.getByText('2 files read.').waitFor();
    const lines = page.locator('.import-result');
    assert.doesNotMatch((await lines.filter({ hasText: NEWS }).textContent()) ?? '', /Imported whole/);
    assert.match((await lines.filter({ hasText: LISTS }).textContent()) ?? '', /Imported whole: Carnet could not tell the article from the page’s menus — open it to trim/);
    await screenshot(page, 'capture-import-summary');

    // The news page: its headline, not the menu row or the site's name.
    await page.getByRole('dialog').getByRole('button', { name: HEADLINE }).click();
    await page.locator('.reader h1', { hasText: HEADLINE }).waitFor();
    assert.match((await page.locator('.reader .byline').first().textContent()) ?? '', /19 Nov 2025/);
    const news = (await page.locator('.reader-body').textContent()) ?? '';
    assert.match(news, /^CAN THO — Rice farmers/);
    assert.doesNotMatch(news, /Related|Privacy policy|Subscribe/);
    assert.equal(await page.locator('.trim-banner').count(), 0, 'an article found is not flagged');

    // The link lists: imported whole and flagged, in the reader and in the details.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /capture link lists/ }).click();
    await page.locator('.trim-banner').waitFor();
    assert.match((await page.locator('.trim-banner').textContent()) ?? '', /Imported whole\..*could not tell the article from the page’s menus.*sources\/originals\//s);
    assert.match((await page.locator('.details').textContent()) ?? '', /Imported whole: menus and teasers may remain/);
    assert.equal(await page.locator('.reader-body p').count(), 5);
    await screenshot(page, 'capture-flagged');

    // Remove from "Archive" to the end, with the mouse; undo it; do it again.
    await openMenu(page, 'Archive');
    await screenshot(page, 'capture-trim-menu');
    await page.getByRole('menuitem', { name: 'Remove from here to the end' }).click();
    await page.locator('.trim-toast', { hasText: 'Removed 2 paragraphs.' }).waitFor();
    await waitForCount(page.locator('.reader-body p'), 3);
    await screenshot(page, 'capture-trimmed');
    await page.locator('.trim-toast').getByRole('button', { name: 'Undo' }).click();
    await waitForCount(page.locator('.reader-body p'), 5);
    await openMenu(page, 'Archive');
    await page.getByRole('menuitem', { name: 'Remove from here to the end' }).click();
    await waitForCount(page.locator('.reader-body p'), 3);

    // Remove the first paragraph (the site's name and menu) with the keyboard alone.
    const first = page.locator('.reader-body p', { hasText: 'Mekong Watch' }).locator('.trim-button');
    await waitFor(async () => !(await first.isDisabled()), 'the ⋯ enabled again');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Remove this paragraph' }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: 'Remove from here to the start' }).count(), 0, 'the first paragraph has nothing before it');
    await page.keyboard.press('Enter');
    await waitForCount(page.locator('.reader-body p'), 2);
    assert.doesNotMatch((await page.locator('.reader-body').textContent()) ?? '', /Mekong Watch|Archive|Follow us/);

    const file = await sourceFile(vault.dir, /title: capture link lists/);
    assert.match(await fs.readFile(file, 'utf8'), /extraction: uncertain\n---\nTopics\nWater\n/);
    await page.getByRole('button', { name: 'Done trimming' }).click();
    await waitForCount(page.locator('.trim-banner'), 0);
    await waitForCount(page.locator('.trim-button'), 0);
    const written = await fs.readFile(file, 'utf8');
    assert.doesNotMatch(written, /extraction/);
    assert.match(written, /\n---\nTopics\nWater\nEnergy\nFisheries\nMigration\n\nLatest\nDams on the upper river\nFish counts in Tonle Sap\nSand mining in An Giang\nPower deals with Thailand\n$/);
    assert.doesNotMatch((await page.locator('.details').textContent()) ?? '', /Imported whole/);
    // Nothing is lost: the original capture, and every body replaced.
    const original = (await fs.readdir(path.join(vault.dir, 'sources', 'originals'))).find((name) => name.startsWith('capture-link-lists'));
    assert.equal(await fs.readFile(path.join(vault.dir, 'sources', 'originals', original ?? '?'), 'utf8'), await fs.readFile(path.join(FIXTURES, LISTS), 'utf8'));
    const id = /\nid: (\S+)\n/.exec(written)?.[1] ?? '?';
    const kept = await fs.readdir(path.join(vault.dir, '.carnet', 'history', id));
    assert.ok(kept.includes('as-imported.md') && kept.length >= 5, `the replaced bodies are kept: ${kept.join(', ')}`);
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('in French and the dark theme: the flag, the trim menu, and no trimming once the source has an annotation', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir, { colorScheme: 'dark', locale: 'fr-FR' });
  const { page } = harness;
  try {
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByLabel('Choisir des fichiers…').setInputFiles([path.join(FIXTURES, NEWS), path.join(FIXTURES, LISTS)]);
    await page.getByText('2 fichiers lus.').waitFor();
    assert.match((await page.locator('.import-result', { hasText: LISTS }).textContent()) ?? '', /Importé en entier : Carnet n’a pas pu distinguer l’article des menus de la page — ouvrez-le pour l’élaguer/);
    await screenshot(page, 'capture-import-summary-fr-dark');
    await page.getByRole('dialog').getByRole('button', { name: 'capture link lists' }).click();
    await page.locator('.trim-banner').waitFor();
    assert.match((await page.locator('.details').textContent()) ?? '', /Importé en entier/);
    await screenshot(page, 'capture-flagged-fr-dark');
    await openMenu(page, 'Latest');
    assert.deepEqual(await page.getByRole('menuitem').allTextContents(), ['Retirer ce paragraphe', 'Retirer d’ici jusqu’au début', 'Retirer d’ici jusqu’à la fin']);
    await screenshot(page, 'capture-trim-menu-fr-dark');
    await page.keyboard.press('Escape');
    await waitForCount(page.getByRole('menu'), 0);

    // An annotation points into the text: the ⋯ go, and a line says why.
    const source = harness.session.vault.listSources().find((s) => s.title === 'capture link lists');
    assert.ok(source);
    const detail = harness.session.vault.getSource(source.id);
    const at = detail.body.indexOf('Fisheries');
    await harness.session.vault.createAnnotation(source.id, detail.revision, at, at + 'Fisheries'.length, {});
    await page.locator('.trim-banner', { hasText: 'L’élagage n’est pas proposé : cette source a des annotations' }).waitFor();
    assert.doesNotMatch((await page.locator('.trim-banner').textContent()) ?? '', /Élagage terminé/, 'no instructions for what is not offered');
    assert.equal(await page.locator('.trim-button').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Rétablir toute la capture' }).count(), 0);
    await page.getByRole('button', { name: 'Le texte est juste' }).waitFor();
    await screenshot(page, 'capture-annotated-fr-dark');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
