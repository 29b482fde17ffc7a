import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness, waitForCount } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitFor, waitForFile } from '../helpers/wait-for.ts';
import { runCli } from '../../electron/cli/carnet.ts';

const skip = e2eUnavailable() ?? false;

const SOURCE_TITLE = 'COMMIT: six countries against human trafficking since 2004';
const NOTE_TITLE = 'COMMIT — a working timeline';
const SOURCE_ID = 'sample-commit-overview';
/** Dragged into the note. */
const DRAGGED = { id: 'sample-commit-overview-a2', words: 'The sixth, IMM6, was held in Hanoi, Vietnam, on 19 November 2025' };
/** Quoted with the card's "Quote in note" button. */
const BUTTONED = { id: 'sample-commit-overview-a3', words: 'offers of work now travel through social networks and messaging applications' };
/** The words of BUTTONED's passage edited on disk afterwards (inside the part the note's link quotes). */
const EDIT = { from: 'offers of work now travel', to: 'offers of employment now travel' };

const hrefOf = (annotationId: string) => `carnet://source/${SOURCE_ID}#${annotationId}`;
/** The chip's label of the first citation of a passage in the note beside. */
const labelOf = (page: Page, annotationId: string) => page.locator(`.split-beside .citation-label[data-citation-key="${hrefOf(annotationId)} 0"]`);
const chipOf = (page: Page, annotationId: string) => page.locator(`.split-beside .citation-chip[data-citation-key="${hrefOf(annotationId)} 0"]`);

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

/** Hovers a chip's label and returns its card, once it shows. */
async function hoverCard(page: Page, annotationId: string) {
  await page.mouse.move(0, 0);
  await page.locator('.citation-card').waitFor({ state: 'detached' });
  const label = labelOf(page, annotationId);
  await label.scrollIntoViewIfNeeded();
  await label.hover();
  const card = page.getByRole('tooltip');
  await card.waitFor();
  return card;
}

test('quote two passages into a note beside their source (a drag, a button): verified citations; follow one; a passage edited on disk flags it in the note, the report and `carnet check`', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  const noteFile = path.join(vault.dir, 'notes', 'commit-timeline.md');
  const sourceFile = path.join(vault.dir, 'sources', 'commit-six-countries-since-2004.md');
  try {
    await page.setViewportSize({ width: 1440, height: 900 });

    // 1. The source in the main pane, the note beside it.
    await page.locator('.sidebar .item').filter({ hasText: SOURCE_TITLE }).first().click();
    await page.locator('.reader-body').waitFor();
    await page.getByRole('button', { name: 'Open something beside' }).click();
    const quick = page.getByRole('textbox', { name: 'Open a source, note or passage…' });
    await quick.waitFor();
    await quick.fill('working timeline');
    await page.locator('.quick-results .search-hit').filter({ hasText: NOTE_TITLE }).first().click();
    const beside = page.locator('.split-beside');
    await beside.locator('.note-body').waitFor();
    assert.equal(await beside.locator('.note-title').inputValue(), NOTE_TITLE);
    assert.equal(await page.locator('.split-main .reader h1').textContent(), SOURCE_TITLE);
    assert.equal(await page.getByRole('button', { name: 'Close the pane beside' }).first().getAttribute('aria-pressed'), 'true', 'the toolbar button shows the split is open');
    // The sample note's three citations are checked: all verified.
    await waitForCount(beside.locator('.citation-label.citation-verified'), 3);
    assert.equal(await beside.locator('.citation-chip').count(), 3);
    // Ctrl+Shift+\ closes the pane beside, and opens Quick open for it again.
    await page.locator('.reader-body').focus();
    await page.keyboard.press('Control+Shift+Backslash');
    await beside.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+Backslash');
    await quick.waitFor();
    await quick.fill('working timeline');
    await page.locator('.quick-results .search-hit.selected').filter({ hasText: NOTE_TITLE }).waitFor();
    await page.keyboard.press('Enter');
    await beside.locator('.note-body').waitFor();
    await waitForCount(beside.locator('.citation-label.citation-verified'), 3);
    // (The word count reads "0 words" for about a second after the note opens: wait for the real one.)
    await waitFor(async () => /^[1-9]/.test((await beside.locator('.word-count').textContent().catch(() => '')) ?? ''), 'the note’s word count');
    await page.mouse.move(0, 0);
    await screenshot(page, 'split-view');

    // 2a. A card dragged onto the note's first paragraph: the quote goes right after that paragraph.
    const firstParagraph = beside.locator('.note-body > p').first();
    assert.match((await firstParagraph.textContent()) ?? '', /^What the sources in this vault say/);
    const dragged = page.locator(`#annotation-${DRAGGED.id}`);
    await dragged.scrollIntoViewIfNeeded();
    await dragged.dragTo(firstParagraph);
    const afterFirst = beside.locator('.note-body > p:first-child + blockquote');
    await afterFirst.waitFor({ timeout: 5000 });
    assert.match((await afterFirst.textContent()) ?? '', /The sixth, IMM6, was held in Hanoi/);
    assert.equal(await afterFirst.locator(`a[href="${hrefOf(DRAGGED.id)}"]`).count(), 1, 'the dropped quote cites its annotation');

    // 2b. The caret on the "To check" heading, then the card's "Quote in note" → "At the caret in …".
    const heading = beside.locator('.note-body h2', { hasText: 'To check' });
    await heading.click();
    await page.keyboard.press('End');
    const card = page.locator(`#annotation-${BUTTONED.id}`);
    await card.locator('.card-quote').click();
    await page.locator(`#annotation-${BUTTONED.id}.focused`).waitFor();
    await card.getByRole('button', { name: 'Quote in note' }).click();
    const menu = page.getByRole('menu', { name: 'Quote in a note' });
    await menu.waitFor();
    const first = menu.getByRole('menuitem').first();
    assert.equal(await first.textContent(), `At the caret in “${NOTE_TITLE}”`);
    await first.click();
    await menu.waitFor({ state: 'detached' });
    await beside.locator(`.note-body blockquote a[href="${hrefOf(BUTTONED.id)}"]`).waitFor({ timeout: 5000 });

    // The note's text holds both passages, with two more chips, each verified once saved and checked.
    const text = (await beside.locator('.note-body').textContent()) ?? '';
    assert.ok(text.includes(DRAGGED.words), 'the dragged passage is in the note');
    assert.ok(text.includes(BUTTONED.words), 'the quoted passage is in the note');
    await waitForCount(beside.locator('.citation-chip'), 5);
    await waitForCount(beside.locator('.citation-label.citation-verified'), 5, 10_000);
    for (const id of [DRAGGED.id, BUTTONED.id]) assert.match((await labelOf(page, id).getAttribute('class')) ?? '', /citation-verified/);
    // The file on disk: two blockquotes, each citing its annotation.
    const saved = await waitForFile(noteFile, (t) => t.includes(hrefOf(DRAGGED.id)) && t.includes(hrefOf(BUTTONED.id)));
    assert.match(saved, /^> The sixth, IMM6, was held in Hanoi, Vietnam, on 19 November 2025$/m);
    assert.match(saved, /^> offers of work now travel through social networks and messaging applications$/m);
    assert.match(saved, new RegExp(`^> — \\[« [^\\]]+ »\\]\\(${hrefOf(DRAGGED.id).replace(/[/.#]/g, '\\$&')}\\)`, 'm'));
    assert.match(saved, new RegExp(`^> — \\[« [^\\]]+ »\\]\\(${hrefOf(BUTTONED.id).replace(/[/.#]/g, '\\$&')}\\)`, 'm'));
    const droppedAt = saved.indexOf(hrefOf(DRAGGED.id));
    assert.ok(saved.indexOf('What the sources') < droppedAt && droppedAt < saved.indexOf('- **2004**'), 'the dropped quote is between the paragraph it was dropped on and the next block');
    assert.ok(saved.indexOf('## To check') < saved.indexOf(hrefOf(BUTTONED.id)), 'the quote at the caret comes after the heading the caret was in');
    assert.equal((await cli('check', '--vault', vault.dir)).code, 0, 'the vault checks clean after quoting');

    // 3. A chip's label on hover: its card says it is verified and shows the passage.
    const verifiedCard = await hoverCard(page, BUTTONED.id);
    assert.match((await verifiedCard.locator('.citation-card-state').textContent()) ?? '', /Verified: the note quotes the source’s words/);
    assert.equal((await verifiedCard.locator('.citation-card-passage').textContent())?.trim(), BUTTONED.words);
    assert.equal(await verifiedCard.locator('cite').textContent(), SOURCE_TITLE);
    await verifiedCard.getByRole('button', { name: 'Open the passage in the source' }).waitFor();
    await screenshot(page, 'citation-hover');
    await page.mouse.move(0, 0);

    // 4. Follow a citation: first one into another source, then ours back in this source.
    await beside.locator('.citation-chip', { hasText: 'La quatrième réunion ministérielle' }).first().click();
    await page.locator('.split-main .reader h1', { hasText: /Phnom Penh/ }).waitFor();
    await page.locator('.split-main .annotation-card.focused').waitFor();
    await chipOf(page, BUTTONED.id).first().click();
    await page.locator('.split-main .reader h1', { hasText: SOURCE_TITLE }).waitFor();
    await page.locator(`.split-main #annotation-${BUTTONED.id}.focused`).waitFor();
    const marks = page.locator(`.split-main .reader-body mark[data-annotations~="${BUTTONED.id}"]`);
    assert.equal((await marks.allTextContents()).join(''), BUTTONED.words);
    await page.locator(`.split-main .reader-body mark.flash[data-annotations~="${BUTTONED.id}"]`).first().waitFor({ timeout: 2000 });
    assert.ok(await marks.first().isVisible(), 'the passage is in view');
    // The selection toolbar offers "Quote in note" too.
    await page.locator('.split-main .reader-body p').first().dblclick();
    const selectionToolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
    await selectionToolbar.waitFor();
    await selectionToolbar.getByRole('button', { name: 'Quote in note' }).waitFor();
    await page.keyboard.press('Escape');
    await selectionToolbar.waitFor({ state: 'detached' });

    // 5. The cited passage edited in the source file on disk: the citation is flagged everywhere.
    const original = await fs.readFile(sourceFile, 'utf8');
    assert.ok(original.includes(EDIT.from));
    await fs.writeFile(sourceFile, original.replace(EDIT.from, EDIT.to));
    const flagged = labelOf(page, BUTTONED.id);
    await waitFor(async () => /citation-changed/.test((await flagged.getAttribute('class')) ?? ''), 'the chip of the edited passage flagged as changed', 10_000);
    // Only that citation: the other one into the same source is still verified.
    assert.match((await labelOf(page, DRAGGED.id).getAttribute('class')) ?? '', /citation-verified/);
    const changedCard = await hoverCard(page, BUTTONED.id);
    assert.match((await changedCard.locator('.citation-card-state').textContent()) ?? '', /Changed: the note’s quote and the source’s words differ/);
    assert.match((await changedCard.locator('.quote-diff del').allTextContents()).join(' '), /work/);
    assert.match((await changedCard.locator('.quote-diff ins').allTextContents()).join(' '), /employment/);
    await changedCard.getByText('Struck: in the note only. Highlighted: in the source only.').waitFor();
    await screenshot(page, 'citation-flagged');
    // The card goes once the pointer leaves.
    await page.mouse.move(0, 0);
    await page.locator('.citation-card').waitFor({ state: 'detached', timeout: 2000 });

    // The Citations report: a warning count in the sidebar, the citation listed as changed.
    const footer = page.locator('.sidebar-footer .footer-link').filter({ hasText: 'Citations' });
    await waitFor(async () => (await footer.locator('.citation-warning-count').textContent().catch(() => null))?.trim() === '1', 'one citation to check in the sidebar');
    await footer.click();
    const changed = page.locator('.citations-report .citation-entry.state-changed');
    await waitForCount(changed, 1);
    assert.equal((await changed.locator('.citation-source').textContent())?.trim(), SOURCE_TITLE);
    assert.match((await changed.locator('.citation-quote').textContent()) ?? '', /^offers of work now travel/);
    assert.match((await changed.locator('.quote-diff ins').allTextContents()).join(' '), /employment/);
    const timeline = page.locator('.citation-group').filter({ has: page.locator('.citation-group-title', { hasText: NOTE_TITLE }) });
    assert.match((await timeline.locator('.citation-group-counts').textContent()) ?? '', /5 citations.*1 changed.*4 verified/);
    await screenshot(page, 'citations-report-flagged');

    // `carnet check`: exit 1, naming the note's file, the line and the source.
    const onDisk = await fs.readFile(noteFile, 'utf8');
    const line = onDisk.split('\n').findIndex((l) => l.includes(hrefOf(BUTTONED.id))) + 1;
    assert.ok(line > 0);
    const check = await cli('check', '--vault', vault.dir);
    assert.equal(check.code, 1, check.out);
    assert.match(check.out, new RegExp(`notes/commit-timeline\\.md:${line}: .*"${SOURCE_TITLE}"`));
    assert.doesNotMatch(check.out, new RegExp(`notes/commit-timeline\\.md:\\d+: .*IMM6, was held`), 'the other quote of that source is not flagged');

    // In French and the dark theme, switched from the toolbar: the flagged chip's card and the report.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.waitForSelector('html[data-theme="dark"]');
    await page.getByRole('heading', { name: 'Citations' }).waitFor();
    const frText = (await page.locator('.citations-report').textContent()) ?? '';
    assert.ok(frText.includes('Modifiée') && frText.includes('Vérifiée'), 'the report speaks French');
    await screenshot(page, 'citations-report-flagged-fr-dark');
    await page.getByRole('button', { name: 'Précédent' }).first().click();
    await page.locator('.split-main .reader-body').waitFor();
    const frCard = await hoverCard(page, BUTTONED.id);
    assert.match((await frCard.locator('.citation-card-state').textContent()) ?? '', /Modifiée : la citation de la note et les mots de la source diffèrent/);
    await frCard.getByRole('button', { name: 'Ouvrir le passage dans la source' }).waitFor();
    await screenshot(page, 'citation-flagged-fr-dark');
    assert.deepEqual(harness.errors, [], 'the page logged errors');
  } finally {
    await harness.close();
    await vault.remove();
  }
});
