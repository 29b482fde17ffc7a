import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness, waitForCount } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitFor, waitForFile } from '../helpers/wait-for.ts';

const skip = e2eUnavailable() ?? false;

interface CodebookFile {
  codes: { id: string; name: string; color: string; description?: string; parent?: string }[];
}

const OVERVIEW = 'annotations/commit-six-countries-since-2004.json';
const HANOI = 'annotations/ha-noi-accueille-la-sixieme-conference-ministerielle-commit.json';

/** The sample vault plus one passage whose text is gone from its source: an orphan, coded twice. */
async function vaultWithOrphan(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const vault = await sampleVaultCopy();
  const file = path.join(vault.dir, OVERVIEW);
  const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: unknown[] };
  doc.annotations.push({
    id: 'e2e-orphan',
    created: '2026-11-25T09:00:00.000Z',
    updated: '2026-11-25T09:00:00.000Z',
    quote: { type: 'TextQuoteSelector', exact: 'a sentence that an earlier version of the article held', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 5000, end: 5054 },
    comment: 'Checked against the print edition.',
    codes: ['code-victims', 'code-digital'],
  });
  await fs.writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
  return vault;
}

async function codebook(dir: string, ready: (book: CodebookFile) => boolean): Promise<CodebookFile> {
  const text = await waitForFile(path.join(dir, 'codebook.json'), (t) => {
    try {
      return ready(JSON.parse(t) as CodebookFile);
    } catch {
      return false;
    }
  });
  return JSON.parse(text) as CodebookFile;
}

const pause = (page: Page) => page.waitForTimeout(200);

async function openCodesTab(page: Page): Promise<void> {
  await page.locator('.sidebar .item').first().waitFor();
  await page.locator('#tab-codes').click();
  await page.locator('.codebook-bar').waitFor();
}

test('the codebook is edited from the Codes list and the code view, and read as passages, a matrix and co-occurrences', { skip }, async () => {
  const vault = await vaultWithOrphan();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await openCodesTab(page);

    // Create a code from the Codes tab: name, colour, description.
    await page.getByRole('button', { name: 'New code' }).click();
    const dialog = page.locator('dialog.code-dialog');
    await dialog.waitFor();
    await pause(page);
    await page.keyboard.type('Passages de frontière');
    await dialog.getByRole('radio', { name: 'Teal' }).click();
    await dialog.getByLabel('Description').fill('Where people cross, legally or not.');
    await screenshot(page, 'codebook-create');
    await dialog.getByRole('button', { name: 'Create code' }).click();
    let book = await codebook(vault.dir, (b) => b.codes.some((c) => c.name === 'Passages de frontière'));
    const created = book.codes.find((c) => c.name === 'Passages de frontière');
    assert.equal(created?.color, '#0891b2');
    assert.equal(created?.description, 'Where people cross, legally or not.');
    assert.equal(created?.parent, undefined);
    // The new code opens, and is listed.
    await page.locator('.code-view h1', { hasText: 'Passages de frontière' }).waitFor();
    await page.locator('.sidebar .item', { hasText: 'Passages de frontière' }).waitFor();

    // Rename from the code view's header.
    await page.locator('.code-actions').getByRole('button', { name: 'Rename' }).click();
    await dialog.waitFor();
    await pause(page);
    await page.keyboard.type('Frontières et routes');
    await page.keyboard.press('Enter');
    book = await codebook(vault.dir, (b) => b.codes.some((c) => c.name === 'Frontières et routes'));
    await page.locator('.code-view h1', { hasText: 'Frontières et routes' }).waitFor();

    // Move it under "Victim protection" from the Codes list's menu, with the keyboard.
    const row = page.locator('.code-row', { hasText: 'Frontières et routes' });
    await row.hover();
    await row.getByRole('button', { name: /Actions for the code/ }).click();
    await page.locator('.code-menu').waitFor();
    await screenshot(page, 'codebook-menu');
    await pause(page);
    await page.keyboard.press('m'); // the first item starting with M: "Move to…"
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await pause(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SELECT', 'the dialog opens at the parent');
    await dialog.locator('select').selectOption('code-victims');
    await screenshot(page, 'codebook-move');
    await dialog.getByRole('button', { name: 'Save' }).click();
    book = await codebook(vault.dir, (b) => b.codes.find((c) => c.name === 'Frontières et routes')?.parent === 'code-victims');
    await page.locator('.code-view .code-parent', { hasText: 'Victim protection' }).waitFor();

    // A code cannot move under its own sub-code: the form says why and does not save.
    const cooperation = page.locator('.code-row', { hasText: 'Regional cooperation' });
    await cooperation.locator('.item').click({ button: 'right' });
    await page.locator('.code-menu').getByRole('menuitem', { name: 'Move to…' }).click();
    await dialog.waitFor();
    await dialog.locator('select').selectOption('code-meetings');
    await dialog.getByRole('alert').filter({ hasText: 'cannot move under its own sub-code' }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Save' }).isDisabled(), true);
    await screenshot(page, 'codebook-cycle');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Dragging a code onto another puts it under that one.
    await page.locator('.code-row .item', { hasText: 'Frontières et routes' }).dragTo(page.locator('.code-row .item', { hasText: 'Regional cooperation' }));
    book = await codebook(vault.dir, (b) => b.codes.find((c) => c.name === 'Frontières et routes')?.parent === 'code-cooperation');
    await page.locator('.toast', { hasText: 'moved to: Regional cooperation' }).waitFor();

    // F2 on a code of the list renames it.
    await page.locator('.code-row .item', { hasText: 'Digital era' }).focus();
    await page.keyboard.press('F2');
    await dialog.locator('h2', { hasText: 'Edit the code “Digital era”' }).waitFor();
    await pause(page);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), 'Digital era');
    await page.keyboard.press('Escape');
    await waitForCount(dialog, 0);

    // Coded passages: ALL Regional cooperation (its sub-code counts), NOT Digital era.
    await page.getByRole('button', { name: 'Coded passages' }).click();
    await page.locator('.passages-view').waitFor();
    const all = page.getByRole('combobox', { name: /All of/ });
    await all.click();
    await pause(page);
    await page.keyboard.type('cooperat');
    await page.keyboard.press('Enter');
    await waitForCount(page.locator('.passage-card'), 4);
    const none = page.getByRole('combobox', { name: /None of/ });
    await none.click();
    await pause(page);
    await page.keyboard.type('digital');
    await page.keyboard.press('Enter');
    await waitForCount(page.locator('.passage-card'), 3);
    await page.locator('.passage-summary', { hasText: '3 matching passages' }).waitFor();
    assert.equal(await page.locator('.passage-card', { hasText: 'Renforcer la coopération' }).count(), 0, 'the passage coded Digital era is left out');
    // Accents do not matter in the type-ahead.
    await page.getByRole('combobox', { name: /Any of/ }).click();
    await pause(page);
    await page.keyboard.type('frontiere');
    await page.locator('.code-options [role="option"]', { hasText: 'Frontières et routes' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await screenshot(page, 'codebook-passages');

    // A passage opens at its place in its source.
    await page.locator('.passage-card', { hasText: 'The sixth, IMM6' }).click();
    await page.locator('.reader-header h1', { hasText: 'COMMIT: six countries' }).waitFor();

    // With no code picked, every passage is listed; the orphan shows its state, and its codes as chips.
    await page.getByRole('button', { name: 'Coded passages' }).click();
    const orphan = page.locator('.passage-card', { hasText: 'an earlier version' });
    await orphan.locator('.badge', { hasText: 'Passage not found' }).waitFor();
    await orphan.locator('.chip', { hasText: 'Victim protection' }).waitFor();

    // The matrix: a cell opens the passages of that code in that source.
    await page.getByRole('button', { name: 'Matrix', exact: true }).click();
    const cell = page.getByRole('button', { name: '2 passages coded “Regional cooperation” in “COMMIT: six countries against human trafficking since 2004”' });
    await cell.waitFor();
    await screenshot(page, 'codebook-matrix');
    // Arrow keys move between cells.
    await cell.focus();
    await page.keyboard.press('ArrowLeft');
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /Regional cooperation/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('.passage-scope', { hasText: 'COMMIT: six countries' }).waitFor();
    await waitForCount(page.locator('.passage-card'), 2);

    // Co-occurrence: Regional cooperation meets Digital era on the Hà Nội theme.
    await page.getByRole('button', { name: 'Co-occurrence' }).click();
    const meet = page.getByRole('button', { name: /“Regional cooperation” and “Digital era” meet/ });
    await meet.click();
    await page.locator('.cooccurrence-passages .passage-card', { hasText: 'Renforcer la coopération' }).waitFor();
    await screenshot(page, 'codebook-cooccurrence');

    // Delete Digital era: the dialog counts its passages; passages keep their other codes; the trash gives it back.
    await page.locator('.code-row .item', { hasText: 'Digital era' }).click();
    await page.locator('.code-actions').getByRole('button', { name: 'Move to trash' }).click();
    const confirm = page.locator('dialog.confirm-dialog');
    await confirm.locator('.confirm-detail', { hasText: '3 passages use it (sub-codes included).' }).waitFor();
    await confirm.locator('.confirm-detail', { hasText: 'The passages stay, with their other codes.' }).waitFor();
    await screenshot(page, 'codebook-delete');
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await codebook(vault.dir, (b) => !b.codes.some((c) => c.id === 'code-digital'));
    const hanoi = await waitForFile(path.join(vault.dir, HANOI), (t) => !t.includes('code-digital'));
    assert.deepEqual((JSON.parse(hanoi) as { annotations: { codes: string[] }[] }).annotations[0]?.codes, ['code-cooperation']);
    await waitForCount(page.locator('.code-row', { hasText: 'Digital era' }), 0);

    await page.locator('.sidebar-footer').getByRole('button', { name: /Trash/ }).click();
    const entry = page.locator('.plain-row', { hasText: 'Digital era' });
    await entry.locator('.badge', { hasText: 'Code' }).waitFor();
    await screenshot(page, 'codebook-trash');
    await entry.getByRole('button', { name: 'Restore' }).click();
    book = await codebook(vault.dir, (b) => b.codes.some((c) => c.id === 'code-digital'));
    await waitForFile(path.join(vault.dir, HANOI), (t) => t.includes('code-digital'));
    await page.locator('.code-row', { hasText: 'Digital era' }).waitFor();
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('the codebook views read well in French and in the dark theme', { skip }, async () => {
  const vault = await vaultWithOrphan();
  const harness = await startHarness(vault.dir, { locale: 'fr-FR', colorScheme: 'dark' });
  const { page } = harness;
  try {
    await openCodesTab(page);
    await page.getByRole('button', { name: 'Matrice' }).click();
    await page.locator('.code-table.matrix').waitFor();
    await screenshot(page, 'codebook-matrix-fr-dark');
    await page.getByRole('button', { name: 'Cooccurrences' }).click();
    await page.getByRole('button', { name: /se rencontrent/ }).first().click();
    await page.locator('.cooccurrence-passages .passage-card').first().waitFor();
    await screenshot(page, 'codebook-cooccurrence-fr-dark');
    await page.getByRole('button', { name: 'Passages codés' }).click();
    await page.getByRole('combobox', { name: /Tous/ }).click();
    await pause(page);
    await page.keyboard.type('victim');
    await page.keyboard.press('Enter');
    await waitForCount(page.locator('.passage-card'), 2);
    await screenshot(page, 'codebook-passages-fr-dark');
    const row = page.locator('.code-row', { hasText: 'Regional cooperation' });
    await row.locator('.item').click();
    await row.getByRole('button', { name: /Actions sur le code/ }).click();
    await page.locator('.code-menu').waitFor();
    await screenshot(page, 'codebook-menu-fr-dark');
    await page.keyboard.press('Escape');
    await page.locator('.code-actions').getByRole('button', { name: 'Fusionner' }).click();
    const dialog = page.locator('dialog.code-dialog');
    await dialog.locator('select').selectOption('code-victims');
    await dialog.locator('.confirm-detail', { hasText: '2 passages codés « Regional cooperation » seront codés « Victim protection » à la place.' }).waitFor();
    await screenshot(page, 'codebook-merge-fr-dark');
    await waitFor(async () => (await dialog.getByRole('button', { name: 'Fusionner' }).isEnabled()) || null, 'the merge button');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
