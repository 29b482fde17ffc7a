import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';

const skip = e2eUnavailable() ?? false;

test('a note saved twice shows its earlier versions with what changed, and an earlier one is restored', { skip }, async () => {
  for (const [locale, colorScheme, words] of [
    ['en-GB', 'light', { earlier: 'Earlier versions…', restore: 'Restore this version' }],
    ['fr-FR', 'dark', { earlier: 'Versions antérieures…', restore: 'Restaurer cette version' }],
  ] as const) {
    const vault = await sampleVaultCopy();
    const harness = await startHarness(vault.dir, { locale, colorScheme });
    const { page, session } = harness;
    try {
      // Two saves through the contract, as the editor makes them.
      const note = session.vault.getNote('sample-welcome');
      const first = note.body;
      const second = await session.vault.saveNote(note.id, { title: note.title, body: `${first}\nA paragraph added on the first day, in Hà Nội.\n`, tags: note.tags }, note.revision);
      await session.vault.saveNote(note.id, { title: note.title, body: second.body.replace('in Hà Nội', 'in Phnom Penh'), tags: note.tags }, second.revision);
      await page.locator('.sidebar .item').first().waitFor();
      await page.locator('.sidebar [role="tab"]').nth(1).click();
      await page.locator('.sidebar .item').filter({ hasText: note.title }).first().click();
      await page.getByRole('button', { name: words.earlier }).click();
      const versions = page.locator('.history-version');
      await versions.nth(1).waitFor();
      assert.equal(await versions.count(), 2);
      assert.match((await page.locator('.diff-removed').first().textContent()) ?? '', /Hà Nội/);
      assert.match((await page.locator('.diff-added').first().textContent()) ?? '', /Phnom Penh/);
      await screenshot(page, `note-history-${locale}-${colorScheme}`);
      await versions.nth(1).click();
      await page.getByRole('button', { name: words.restore }).click();
      await page.locator('.note-body').waitFor();
      const file = await fs.readFile(path.join(vault.dir, 'notes', 'welcome-to-carnet.md'), 'utf8');
      assert.ok(file.endsWith(first), 'the oldest version is back, byte for byte');
      assert.equal((await session.vault.listNoteHistory(note.id)).length, 3, 'the version it replaced is kept too');
      assert.deepEqual(harness.errors, []);
    } finally {
      await harness.close();
      await vault.remove();
    }
  }
});
