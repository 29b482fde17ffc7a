import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitForFile } from '../helpers/wait-for.ts';

const skip = e2eUnavailable() ?? false;

test('a picture pasted into a note is saved in attachments/ and shown; a web page’s picture becomes a link and is never fetched', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  try {
    await page.locator('.sidebar .item').first().waitFor();
    await page.locator('.sidebar [role="tab"]').nth(1).click();
    await page.locator('.sidebar .item').filter({ hasText: 'Welcome to Carnet' }).click();
    await page.locator('.ProseMirror p').last().click();
    // The editor takes the caret from the page's selection a moment after a click; a person is never faster.
    await page.waitForTimeout(200);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');

    // A picture file on the clipboard, as a screenshot tool or "Copy image" puts it: drawn here, a real PNG.
    const png = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 180;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.fillStyle = '#d9e6ef';
      context.fillRect(0, 0, 480, 180);
      context.strokeStyle = '#2f6f9f';
      context.lineWidth = 14;
      context.beginPath();
      context.moveTo(40, 20);
      context.bezierCurveTo(180, 80, 120, 140, 440, 160);
      context.stroke();
      context.fillStyle = '#1d2a33';
      context.font = '22px serif';
      context.fillText('Mékong — Việt Nam, Campuchia', 60, 60);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'));
      return btoa(String.fromCharCode(...new Uint8Array(await blob.arrayBuffer())));
    });
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'Carte du Mékong.png', { type: 'image/png' }));
      document.querySelector('.ProseMirror')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, png);
    const image = page.locator('.ProseMirror img[data-src^="attachments/"]');
    await image.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.ProseMirror img[data-src^="attachments/"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const stored = await fs.readdir(path.join(vault.dir, 'attachments'));
    assert.deepEqual(stored, ['carte-du-mekong.png']);
    assert.deepEqual(await fs.readFile(path.join(vault.dir, 'attachments', 'carte-du-mekong.png')), Buffer.from(png, 'base64'), 'the bytes as pasted');
    const file = path.join(vault.dir, 'notes', 'welcome-to-carnet.md');
    await page.locator('.save-state.save-saved').waitFor();
    assert.match(await waitForFile(file, (text) => text.includes('](attachments/carte-du-mekong.png)')), /!\[[^\]]*\]\(attachments\/carte-du-mekong\.png\)/);

    // Text copied from a web page, with its picture: the text comes, the picture stays on the web.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>Vu sur le site : <img src="https://example.org/tracker.png" alt="Carte officielle"> fin.</p>');
      data.setData('text/plain', 'Vu sur le site : fin.');
      document.querySelector('.ProseMirror')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.locator('.ProseMirror', { hasText: 'Vu sur le site' }).waitFor();
    assert.equal(await page.locator('.ProseMirror img[src*="example.org"]').count(), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(requested.filter((url) => url.includes('example.org')), [], 'nothing was fetched from the web');
    await image.scrollIntoViewIfNeeded();
    await screenshot(page, 'note-image');
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('Markdown pasted as plain text lands as what it means: a citation stays a link, a [[link]] a link, and the file gets them unescaped', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.locator('.sidebar .item').first().waitFor();
    await page.locator('.sidebar [role="tab"]').nth(1).click();
    await page.locator('.sidebar .item').filter({ hasText: 'COMMIT — a working timeline' }).click();
    await page.locator('.ProseMirror p').last().click();
    // The editor takes the caret from the page's selection a moment after a click; a person is never faster.
    await page.waitForTimeout(200);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    const pasted = 'Cité : [« launched it in 2004 »](carnet://source/sample-commit-overview#sample-commit-overview-a1), voir [[Welcome to Carnet]].';
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('.ProseMirror')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    await page.locator('.ProseMirror a[href^="carnet://source/"]', { hasText: '« launched it in 2004 »' }).last().waitFor();
    await page.locator('.ProseMirror a.wiki-link', { hasText: 'Welcome to Carnet' }).last().waitFor();
    const file = path.join(vault.dir, 'notes', 'commit-timeline.md');
    const saved = await waitForFile(file, (text) => text.trimEnd().endsWith(pasted)).catch(() => fs.readFile(file, 'utf8'));
    assert.ok(saved.trimEnd().endsWith(pasted), `the pasted Markdown, byte for byte: ${saved.slice(-300)}`);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
