import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';

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
    await page.getByRole('searchbox', { name: 'Search sources, notes, annotations' }).fill('nofield:word');
    await page.getByRole('alert').filter({ hasText: 'This search cannot be read' }).waitFor();
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
