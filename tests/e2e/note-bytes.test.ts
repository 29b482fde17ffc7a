import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitForFile } from '../helpers/wait-for.ts';

const skip = e2eUnavailable() ?? false;

/** A note written by hand in another editor: everything the editor does not show must come back as it was. */
const HEAD = '---\nid: hand-written\ntitle: Hand-written\naliases:\n  - terrain\ntags: []\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\nstatus: draft\n---\n';
const FIRST = 'First paragraph, with *emphasis*.';
const REST = [
  '',
  '\\# Not a heading: an escape the user wrote, in a paragraph left alone.',
  '',
  '| Pays | Cas |',
  '|:-----|----:|',
  '| Việt Nam | 12 \\| 13 |',
  '',
  '- [ ] call the ministry',
  '- [x] read the report',
  '',
  '> [!note] A callout',
  '> stays a callout',
  '',
  '<details><summary>Raw HTML</summary>kept</details>',
  '',
  'See [[COMMIT timeline]] and the footnote.[^1]',
  '',
  '[^1]: A footnote.',
  '',
  '[ref]: https://example.org  "Title"',
  '',
].join('\n');

test('a hand-written note keeps every byte it did not change: typing in one paragraph, then editing its tags', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const file = path.join(vault.dir, 'notes', 'hand-written.md');
  await fs.writeFile(file, `${HEAD}${FIRST}\n${REST}`);
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.locator('.sidebar [role="tab"]').nth(1).click();
    await page.locator('.sidebar .item').filter({ hasText: 'Hand-written' }).click();
    const first = page.locator('.ProseMirror p').first();
    await first.click();
    await page.waitForTimeout(200);
    await page.keyboard.press('End');
    await page.keyboard.type(' Added in Hà Nội.');
    await page.waitForSelector('.save-state.save-saved');
    await waitForFile(file, (text) => text.includes('Added in Hà Nội.'));
    const typed = await fs.readFile(file, 'utf8');
    const body = typed.slice(typed.indexOf('\n---\n') + 5);
    assert.equal(body, `${FIRST} Added in Hà Nội.\n${REST}`, 'only the typed paragraph changed');
    assert.match(typed, /^---\nid: hand-written\ntitle: Hand-written\naliases:\n {2}- terrain\ntags: \[\]\ncreated: .+\nupdated: .+\nstatus: draft\n---\n/);
    await page.getByLabel('Tags').fill('mékong, terrain');
    await waitForFile(file, (text) => text.includes('mékong'));
    const tagged = await fs.readFile(file, 'utf8');
    assert.equal(tagged.slice(tagged.indexOf('\n---\n') + 5), body, 'editing tags leaves the body byte for byte');
    await screenshot(page, 'note-hand-written');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
