import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness, waitForCount } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';

const skip = e2eUnavailable() ?? false;

const TIMELINE = 'COMMIT — a working timeline';
const WELCOME = 'Welcome to Carnet';
const LOST = 'Citations that lost their way';

/**
 * The sample vault with its overview source edited on disk under both notes' citations (2004 becomes
 * 2005: two changed citations), and a third note whose citations point at a deleted annotation and
 * at a source that is not in the vault (two missing). The timeline's two other citations stay verified.
 */
async function vaultWithTroubledCitations(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const vault = await sampleVaultCopy();
  const source = path.join(vault.dir, 'sources', 'commit-six-countries-since-2004.md');
  const text = await fs.readFile(source, 'utf8');
  assert.ok(text.includes('launched it in 2004'), 'the sample source has the cited words');
  await fs.writeFile(source, text.replace('launched it in 2004', 'launched it in 2005'));
  await fs.writeFile(
    path.join(vault.dir, 'notes', 'citations-that-lost-their-way.md'),
    [
      '---',
      'id: e2e-lost-citations',
      `title: ${LOST}`,
      'created: 2026-11-25T09:00:00.000Z',
      'updated: 2026-11-25T09:00:00.000Z',
      '---',
      'A passage whose annotation was deleted: [« six governments »](carnet://source/sample-commit-overview#deleted-annotation).',
      '',
      'A source that was never imported: [« a report nobody kept »](carnet://source/never-imported#gone).',
      '',
    ].join('\n'),
  );
  return vault;
}

async function openReport(page: Page, label: string): Promise<void> {
  await page.locator('.sidebar-footer .footer-link').filter({ hasText: label }).click();
  await page.locator('.citations-report .citation-entry').first().waitFor();
}

const entries = (page: Page) => page.locator('.citations-report .citation-entry');

test('the Citations report lists changed, missing and verified citations by note, filters them, and opens the note at a citation', { skip }, async () => {
  const vault = await vaultWithTroubledCitations();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1360, height: 1000 });
    // The sidebar warns of the two changed and two missing citations.
    const footer = page.locator('.sidebar-footer .footer-link').filter({ hasText: 'Citations' });
    await footer.locator('.citation-warning-count').waitFor();
    assert.equal((await footer.locator('.citation-warning-count').textContent())?.trim(), '4');

    await openReport(page, 'Citations');
    assert.equal(await page.locator('.citations-report h1').textContent(), 'Citations');
    await waitForCount(entries(page), 6);

    // Groups by note, the notes with the worst citations first; each heading with its counts.
    assert.deepEqual(await page.locator('.citation-group-title').allTextContents(), [TIMELINE, WELCOME, LOST]);
    const timeline = page.locator('.citation-group').filter({ has: page.locator('.citation-group-title', { hasText: TIMELINE }) });
    assert.match((await timeline.locator('.citation-group-counts').textContent()) ?? '', /3 citations.*1 changed.*2 verified/);
    // In a note, the problems come before what is verified.
    assert.deepEqual(await timeline.locator('.citation-entry .citation-state').allTextContents(), ['Changed', 'Verified', 'Verified']);

    // Changed: both texts, word by word, each side named.
    const changed = entries(page).and(page.locator('.state-changed'));
    await waitForCount(changed, 2);
    for (const entry of await changed.all()) {
      assert.equal((await entry.locator('.citation-source').textContent())?.trim(), 'COMMIT: six countries against human trafficking since 2004');
      assert.match((await entry.locator('.citation-quote').textContent()) ?? '', /^launched it in 2004 to work together against human trafficking/);
      assert.equal((await entry.locator('.quote-diff del').first().textContent())?.trim(), '2004');
      assert.equal((await entry.locator('.quote-diff ins').first().textContent())?.trim(), '2005');
      assert.match((await entry.locator('.citation-diff-legend').textContent()) ?? '', /only in the note.*only in the source now/);
      assert.match((await entry.locator('.citation-line').textContent()) ?? '', /^line \d+$/);
    }
    // Missing: what is missing, in words; no source link where there is no source.
    const missing = entries(page).and(page.locator('.state-missing'));
    await waitForCount(missing, 2);
    const missingTexts = (await missing.locator('.citation-explain').allTextContents()).sort();
    assert.deepEqual(missingTexts, ['The annotation was deleted.', 'The source is not in the vault — restore it from the trash.']);
    const noSource = missing.filter({ hasText: 'source not in the vault' });
    assert.equal(await noSource.getByRole('button', { name: 'Open the source at the passage' }).count(), 0);
    // Verified: listed too, with their source.
    const verified = entries(page).and(page.locator('.state-verified'));
    await waitForCount(verified, 2);
    assert.ok((await verified.locator('.citation-source').allTextContents()).some((title) => title.startsWith('Phnom Penh')));
    // Tall enough to show the three notes' groups.
    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.mouse.move(0, 0);
    await screenshot(page, 'citations-report');
    await page.setViewportSize({ width: 1360, height: 1000 });

    // Filters: a state toggle, "Problems only", a note, and back to all.
    const states = page.getByRole('group', { name: 'States' });
    await states.getByRole('button', { name: /^Verified/ }).click();
    await waitForCount(entries(page), 2);
    assert.equal(await entries(page).and(page.locator('.state-verified')).count(), 2);
    assert.match((await page.locator('.citation-summary').textContent()) ?? '', /2 of 6 citations in 1 note/);
    await states.getByRole('button', { name: /^Problems only/ }).click();
    await waitForCount(entries(page), 4);
    assert.equal(await states.getByRole('button', { name: /^Problems only/ }).getAttribute('aria-pressed'), 'true');
    await page.getByLabel('Note', { exact: true }).selectOption({ label: `${WELCOME} (1)` });
    await waitForCount(entries(page), 1);
    // Filters that hide everything say so, distinctly from an empty vault.
    await states.getByRole('button', { name: /^All/ }).click();
    await states.getByRole('button', { name: /^Verified/ }).click();
    await page.getByText('No citation matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Show all citations' }).click();
    await waitForCount(entries(page), 6);

    // An entry opens its note (Enter on a focused entry, as a click does).
    await changed.first().locator('.citation-open').focus();
    await page.keyboard.press('Enter');
    const title = page.locator('.note-title');
    await waitFor(async () => (await title.count()) > 0 && ['COMMIT — a working timeline', WELCOME].includes(await title.inputValue()), 'the note at the citation');
    await page.getByRole('button', { name: 'Back' }).first().click();
    await waitForCount(entries(page), 6);
    await timeline.locator('.citation-open').first().click();
    await waitFor(async () => (await title.count()) > 0 && (await title.inputValue()) === TIMELINE, 'the timeline note');

    // The source link opens the source at the passage.
    await page.getByRole('button', { name: 'Back' }).first().click();
    await waitForCount(entries(page), 6);
    await timeline.locator('.citation-entry.state-verified').first().getByRole('button', { name: 'Open the source at the passage' }).click();
    await page.locator('.reader-body').waitFor();
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('the Citations report reads well in French and the dark theme', { skip }, async () => {
  const vault = await vaultWithTroubledCitations();
  const harness = await startHarness(vault.dir, { locale: 'fr-FR', colorScheme: 'dark' });
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1360, height: 1000 });
    await page.waitForSelector('html[data-theme="dark"]');
    await openReport(page, 'Citations');
    await waitForCount(entries(page), 6);
    const text = (await page.locator('.citations-report').textContent()) ?? '';
    for (const words of ['Modifiée', 'Vérifiée', 'Introuvable', 'seulement dans la note', 'L’annotation a été supprimée.', 'Problèmes seulement', 'ligne ']) {
      assert.ok(text.includes(words), `"${words}" is on the page`);
    }
    assert.ok(!/\b(Changed|Verified|Missing|line \d)/.test(text), 'no English left');
    await page.setViewportSize({ width: 1360, height: 1500 });
    // Keyboard focus on the first entry, to see that it shows in the dark theme.
    await entries(page).first().locator('.citation-open').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await screenshot(page, 'citations-report-fr-dark');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
