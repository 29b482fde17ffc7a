import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy, tempDir } from '../helpers/temp-dir.ts';
import { Vault } from '../../electron/vault/vault.ts';

const skip = e2eUnavailable() ?? false;

/** How many ranges a CSS highlight holds in the page. */
const highlightSize = (page: Page, name: string) =>
  page.evaluate((n) => ((globalThis as unknown as { CSS: { highlights: Map<string, { size: number }> } }).CSS.highlights.get(n)?.size ?? 0), name);

test('a query typed without accents finds the accented passage, highlighted; the result opens at the passage', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.waitForSelector('.item');
    await page.keyboard.press('Control+Shift+F');
    const box = page.getByRole('searchbox', { name: 'Search sources, notes, annotations' });
    await box.waitFor();
    await box.fill('ha noi ere numerique');
    const first = page.locator('.search-hit').first();
    await first.waitFor();
    assert.match((await page.locator('.kind-chips').textContent()) ?? '', /All\s*\d+/);
    const marks = await page.locator('.search-results mark').allTextContents();
    assert.ok(marks.includes('numérique'), `highlighted: ${marks.join(', ')}`);
    assert.ok(marks.includes('Hà') || marks.includes('Nội'), `highlighted: ${marks.join(', ')}`);
    await screenshot(page, 'search-results');
    await page.locator('.search-hit', { hasText: 'Hà Nội accueille' }).first().click();
    await page.locator('.reader h1', { hasText: 'Hà Nội accueille' }).waitFor();
    await page.waitForTimeout(300);
    assert.ok((await highlightSize(page, 'carnet-search')) >= 2, 'the matches are highlighted in the reader');
    await screenshot(page, 'search-opened');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('quick open (Ctrl+K) finds as you type and opens with Enter; Ctrl+F finds within the document', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.waitForSelector('.item');
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: 'Open a source, note or passage…' }).fill('phnom pe');
    await page.locator('.quick-results .search-hit').first().waitFor();
    await screenshot(page, 'quick-open');
    await page.keyboard.press('Enter');
    await page.locator('.reader h1', { hasText: 'Phnom Penh' }).waitFor();
    await page.keyboard.press('Control+f');
    await page.getByRole('textbox', { name: 'Find in this document' }).fill('cambodge');
    await page.locator('.find-count', { hasText: '1 of 2' }).waitFor();
    assert.equal(await highlightSize(page, 'carnet-find'), 2);
    await page.keyboard.press('Enter');
    await page.locator('.find-count', { hasText: '2 of 2' }).waitFor();
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('a search with a syntax error says so in words', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.waitForSelector('.item');
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search sources, notes, annotations' }).fill('word~x');
    await page.getByRole('alert').filter({ hasText: 'This search cannot be read' }).waitFor();
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('a word found in many notes shows a first page of results, then more on demand or by going down past the last', { skip }, async () => {
  const temp = await tempDir('carnet-vault-');
  const vault = await Vault.create(temp.dir, 'Many notes');
  for (let n = 1; n <= 95; n++) await vault.createNote(`Entretien ${n}`, `Compte rendu de l’entretien ${n} avec un agent de la police des frontières.`);
  await vault.close();
  const harness = await startHarness(temp.dir);
  const { page } = harness;
  try {
    await page.getByRole('tab', { name: 'Search' }).waitFor();
    await page.keyboard.press('Control+Shift+F');
    const box = page.getByRole('searchbox', { name: 'Search sources, notes, annotations' });
    await box.fill('frontieres');
    await page.locator('.search-hit').first().waitFor();
    assert.match((await page.locator('.kind-chips').textContent()) ?? '', /All\s*95/);
    assert.equal(await page.locator('.search-hit').count(), 40);
    const showMore = page.getByRole('button', { name: 'Show 40 more (of 95)' });
    await showMore.scrollIntoViewIfNeeded();
    await screenshot(page, 'search-more');
    await showMore.click();
    await page.getByRole('button', { name: 'Show 15 more (of 95)' }).waitFor();
    assert.equal(await page.locator('.search-hit').count(), 80);
    // From the keyboard: down to the last result shown, and once more.
    await box.focus();
    for (let i = 0; i < 80; i++) await page.keyboard.press('ArrowDown');
    await page.locator('.search-hit').nth(94).waitFor();
    assert.equal(await page.locator('.search-more').count(), 0, 'nothing more to show');
    await page.keyboard.press('ArrowDown');
    const options = page.locator('.search-results li[role="option"]');
    assert.equal(await options.nth(80).getAttribute('aria-selected'), 'true', 'the selection went on into the next page');
    // And the selected result is scrolled into sight.
    const list = await page.locator('.search-results').boundingBox();
    const chosen = await options.nth(80).boundingBox();
    assert.ok(list && chosen && chosen.y >= list.y - 1 && chosen.y + chosen.height <= list.y + list.height + 1, `selected result in view: ${JSON.stringify({ list, chosen })}`);
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await temp.remove();
  }
});
