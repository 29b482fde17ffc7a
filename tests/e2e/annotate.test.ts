import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { SEEDS, seedsMissing } from '../helpers/seeds.ts';
import { importIntoVault } from '../../electron/importers/import-into-vault.ts';

const skip = e2eUnavailable() ?? false;

const SOURCE_TITLE = /Hà Nội accueille la sixième conférence/;
const SENTENCE = 'Les échanges ont porté sur la coopération entre les services de police, la protection des victimes et les nouvelles formes de recrutement en ligne.';
const ANNOTATIONS = 'annotations/ha-noi-accueille-la-sixieme-conference-ministerielle-commit.json';
const OVERVIEW = 'annotations/commit-six-countries-since-2004.json';

interface StoredAnnotation {
  id: string;
  quote: { exact: string };
  comment: string;
  codes: string[];
  color?: string;
}

async function stored(vault: string, file = ANNOTATIONS): Promise<StoredAnnotation[]> {
  const text = await fs.readFile(path.join(vault, file), 'utf8').catch(() => '{"annotations":[]}');
  return (JSON.parse(text) as { annotations: StoredAnnotation[] }).annotations;
}

/** Drags the mouse over `text` in the reader, as a person selects a sentence. */
async function selectWithMouse(page: Page, text: string): Promise<void> {
  const points = await page.evaluate((wanted) => {
    // The sentence may run across several highlights: find it in its paragraph's text, then in the text nodes.
    const paragraph = [...document.querySelectorAll('.reader-body p')].find((p) => p.textContent?.includes(wanted));
    if (!paragraph) return null;
    paragraph.scrollIntoView({ block: 'center' });
    const at = (paragraph.textContent ?? '').indexOf(wanted);
    const pointAt = (offset: number): { node: Node; offset: number } | null => {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (offset < seen + length) return { node, offset: offset - seen };
        seen += length;
      }
      return null;
    };
    const charBox = (offset: number) => {
      const point = pointAt(offset);
      if (!point) return null;
      const range = document.createRange();
      range.setStart(point.node, point.offset);
      range.setEnd(point.node, point.offset + 1);
      return range.getBoundingClientRect();
    };
    const first = charBox(at);
    const last = charBox(at + wanted.length - 1);
    if (!first || !last) return null;
    return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
  }, text);
  assert.ok(points, `"${text}" is on the page`);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move((points.from.x + points.to.x) / 2, points.to.y, { steps: 5 });
  await page.mouse.move(points.to.x, points.to.y, { steps: 5 });
  await page.mouse.up();
}

test('select a sentence with the mouse, highlight it, code it with a new code, comment it; it is all there after a reload, found by search; an edit on disk sends it to review and Accept fixes it', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.sidebar .item').filter({ hasText: SOURCE_TITLE }).first().click();
    await page.locator('.reader-body').waitFor();
    await page.evaluate((sentence) => {
      const paragraph = [...document.querySelectorAll('.reader-body p')].find((p) => p.textContent?.includes(sentence));
      paragraph?.scrollIntoView({ block: 'center' });
    }, SENTENCE);

    await selectWithMouse(page, SENTENCE);
    const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });
    await toolbar.waitFor();
    const box = await toolbar.boundingBox();
    const selection = await page.evaluate(() => {
      const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
      return rect ? { top: rect.top, bottom: rect.bottom } : null;
    });
    assert.ok(box && selection && (box.y + box.height <= selection.top || box.y >= selection.bottom), 'the toolbar does not cover the selection');
    await screenshot(page, 'annotate-toolbar');

    // Key 2: the second colour.
    await page.keyboard.press('2');
    await waitFor(async () => (await stored(vault.dir)).some((a) => a.quote.exact === SENTENCE), 'the highlight in the annotations file');
    const made = (await stored(vault.dir)).find((a) => a.quote.exact === SENTENCE);
    assert.equal(made?.color, '#ff6666');
    assert.equal((await page.locator(`.reader-body mark[data-annotations~="${made?.id}"]`).allTextContents()).join(''), SENTENCE);

    await toolbar.getByRole('button', { name: 'Codes' }).click();
    await page.getByRole('combobox', { name: 'Find or create a code' }).waitFor();
    await page.waitForTimeout(200);
    await page.keyboard.type('Recrutement en ligne');
    await page.getByRole('option', { name: /Create the code “Recrutement en ligne”/ }).waitFor();
    await screenshot(page, 'annotate-codes');
    await page.keyboard.press('Enter');
    await waitFor(async () => ((await stored(vault.dir)).find((a) => a.id === made?.id)?.codes.length ?? 0) === 1, 'the code on the passage');
    const codebook = JSON.parse(await fs.readFile(path.join(vault.dir, 'codebook.json'), 'utf8')) as { codes: { id: string; name: string }[] };
    const code = codebook.codes.find((c) => c.name === 'Recrutement en ligne');
    assert.ok(code, 'the new code is in codebook.json');
    assert.deepEqual((await stored(vault.dir)).find((a) => a.id === made?.id)?.codes, [code.id]);
    await page.keyboard.press('Escape');

    await toolbar.getByRole('button', { name: 'Comment' }).click();
    await page.getByRole('textbox', { name: 'Comment (Markdown)' }).waitFor();
    await page.waitForTimeout(200);
    await page.keyboard.type('Le **numérique** change le recrutement.');
    await page.keyboard.press('Control+Enter');
    await waitFor(async () => (await stored(vault.dir)).find((a) => a.id === made?.id)?.comment === 'Le **numérique** change le recrutement.', 'the comment');

    // Copy citation: the passage in « », linked to its annotation, as Markdown and HTML.
    await page.evaluate(() => {
      window.addEventListener('copy', (event) => {
        (window as unknown as { copied: { text: string; html: string } }).copied = { text: event.clipboardData?.getData('text/plain') ?? '', html: event.clipboardData?.getData('text/html') ?? '' };
      });
    });
    await toolbar.getByRole('button', { name: 'Copy citation' }).click();
    await page.getByText('Citation copied').waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: { text: string; html: string } }).copied);
    assert.equal(copied.text, `[« ${SENTENCE} »](carnet://source/sample-imm6-hanoi#${made?.id}) — *Hà Nội accueille la sixième conférence ministérielle du processus COMMIT*, Carnet exemple, 19 Nov 2025`);
    assert.match(copied.html, new RegExp(`^<a href="carnet://source/sample-imm6-hanoi#${made?.id}">« Les échanges`));

    // Reload: the highlight, its code and comment are back at the same passage.
    await page.reload();
    await page.locator('.sidebar .item').filter({ hasText: SOURCE_TITLE }).first().click();
    const card = page.locator(`#annotation-${made?.id}`);
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /Recrutement en ligne/);
    assert.equal(await card.locator('.annotation-comment strong').textContent(), 'numérique');
    const marked = await page.locator(`.reader-body mark[data-annotations~="${made?.id}"]`).allTextContents();
    assert.equal(marked.join(''), SENTENCE);
    await card.locator('.card-quote').click();
    await page.locator(`.reader-body mark.focused[data-annotations~="${made?.id}"]`).first().waitFor();
    await screenshot(page, 'annotate-reader');

    // J and K walk the cards in document order.
    await page.locator('.reader-body').focus();
    await page.keyboard.press('k');
    await page.locator('.annotation-card.focused').waitFor();
    assert.notEqual(await page.locator('.annotation-card.focused').getAttribute('id'), `annotation-${made?.id}`);
    await page.keyboard.press('j');
    await page.locator(`#annotation-${made?.id}.focused`).waitFor();

    // Search finds the new annotation by its comment, through the index.
    await page.keyboard.press('Control+Shift+F');
    const search = page.getByRole('searchbox', { name: 'Search sources, notes, annotations' });
    await search.waitFor();
    await search.fill('numerique change recrutement');
    await page.locator('.search-hit', { hasText: /numérique/ }).filter({ hasText: SOURCE_TITLE }).first().waitFor({ timeout: 3000 });
    await page.keyboard.press('Escape');

    // The source is edited on disk: a paragraph added above, a typo inside the passage.
    const sourceFile = path.join(vault.dir, 'sources', 'ha-noi-accueille-la-sixieme-conference-ministerielle-commit.md');
    const original = await fs.readFile(sourceFile, 'utf8');
    const typo = SENTENCE.replace('protection des victimes', 'protection des victimmes');
    await fs.writeFile(sourceFile, original.replace(SENTENCE, `Un paragraphe ajouté à la main.\n\n${typo}`));
    await card.locator('.badge', { hasText: 'Needs review' }).waitFor({ timeout: 10_000 });
    assert.match((await card.locator('ins').textContent()) ?? '', /victimmes/);
    await screenshot(page, 'annotate-needs-review');
    await card.getByRole('button', { name: 'Accept' }).click();
    await waitFor(async () => (await stored(vault.dir)).find((a) => a.id === made?.id)?.quote.exact === typo, 'the accepted passage');
    await card.locator('.badge').waitFor({ state: 'detached' });
    assert.equal((await page.locator(`.reader-body mark[data-annotations~="${made?.id}"]`).allTextContents()).join(''), typo);
    assert.deepEqual(harness.errors, [], 'the page logged errors');
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('in French and dark: a keyboard selection across two paragraphs becomes a highlight; colours get names kept in the vault; a deleted annotation comes back from the trash', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir, { colorScheme: 'dark', locale: 'fr-FR' });
  const { page } = harness;
  const read = () => stored(vault.dir, OVERVIEW);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.sidebar .item').filter({ hasText: /COMMIT: six countries/ }).first().click();
    await page.locator('.reader-body').waitFor();
    const before = (await read()).length;

    // No mouse: focus the text, Shift+Down from the first paragraph in view, into the next one.
    await page.locator('.reader-body').focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowDown');
    const toolbar = page.getByRole('toolbar', { name: 'Annoter la sélection' });
    await toolbar.waitFor();
    await page.keyboard.press('4');
    await waitFor(async () => (await read()).length === before + 1, 'the new highlight');
    const made = (await read()).find((a) => a.color === '#2ea8e5');
    assert.ok(made?.quote.exact.includes('\n\n'), `the passage runs across paragraphs: ${JSON.stringify(made?.quote.exact)}`);
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Couleurs…' }).click();
    const name = page.getByRole('textbox', { name: 'Nom de la couleur 4' });
    await name.fill('Fait clé');
    await screenshot(page, 'annotate-colour-names-fr-dark');
    await page.getByRole('button', { name: 'Enregistrer les noms' }).click();
    await waitFor(async () => (await fs.readFile(path.join(vault.dir, 'carnet.json'), 'utf8')).includes('Fait clé'), 'the colour name in carnet.json');
    const manifest = JSON.parse(await fs.readFile(path.join(vault.dir, 'carnet.json'), 'utf8')) as { id: string; settings: { highlightColors: { name: string }[] } };
    assert.equal(manifest.id, 'sample-vault', 'the rest of carnet.json is kept');
    assert.equal(manifest.settings.highlightColors[3]?.name, 'Fait clé');
    await page.getByRole('combobox', { name: 'Filtrer par couleur' }).selectOption({ label: 'Fait clé' });
    assert.equal(await page.locator('.annotation-card').count(), 1);
    await page.locator(`#annotation-${made?.id} .card-quote`).click();
    await screenshot(page, 'annotate-fr-dark');

    await page.locator(`#annotation-${made?.id}`).getByRole('button', { name: 'Supprimer' }).click();
    await waitFor(async () => (await read()).length === before, 'the annotation out of its file');
    await page.getByRole('button', { name: /Corbeille/ }).first().click();
    await page.getByRole('button', { name: 'Restaurer' }).first().click();
    await waitFor(async () => (await read()).some((a) => a.id === made?.id), 'the annotation back from the trash');
    assert.deepEqual(harness.errors, [], 'the page logged errors');
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('quick hands: a drag that overshoots the text, three codes typed without a pause, a comment left by clicking away; a panel opened then closed leaves nothing; a lost annotation attached to new words', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  const read = () => stored(vault.dir, OVERVIEW);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.sidebar .item').filter({ hasText: /COMMIT: six countries/ }).first().click();
    await page.locator('.reader-body').waitFor();
    const before = (await read()).length;
    const toolbar = page.getByRole('toolbar', { name: 'Annotate the selection' });

    // A selection opened, its Codes panel opened, then Esc: no annotation is left behind.
    await page.locator('.reader-body p').nth(1).dblclick();
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: 'Codes' }).click();
    await page.getByRole('combobox', { name: 'Find or create a code' }).waitFor();
    // Esc closes the panel, then the toolbar.
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Find or create a code' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'detached' });
    assert.equal((await read()).length, before);

    // From a word of the third paragraph, dragged right out into the annotation pane.
    const start = await page.locator('.reader-body p').nth(2).boundingBox();
    const pane = await page.locator('.annotation-pane').boundingBox();
    assert.ok(start && pane);
    await page.mouse.move(start.x + 2, start.y + 10);
    await page.mouse.down();
    await page.mouse.move(pane.x + 40, start.y + 40, { steps: 8 });
    await page.mouse.up();
    await toolbar.waitFor();

    await toolbar.getByRole('button', { name: 'Codes' }).click();
    const field = page.getByRole('combobox', { name: 'Find or create a code' });
    await field.waitFor();
    for (const typed of ['Dig', 'Victim', 'Regional']) {
      await field.pressSequentially(typed);
      await page.keyboard.press('Enter');
    }
    await waitFor(async () => (await read()).some((a) => a.codes.length === 3), 'three codes on the passage');
    const all = await read();
    assert.equal(all.length, before + 1, 'one annotation, not one per click');
    assert.deepEqual(all.find((a) => a.codes.length === 3)?.codes, ['code-digital', 'code-victims', 'code-cooperation']);

    await toolbar.getByRole('button', { name: 'Comment' }).click();
    await page.getByRole('textbox', { name: 'Comment (Markdown)' }).fill('Typed, then the reader clicked elsewhere.');
    await page.locator('.reader h1').click();
    await waitFor(async () => (await read()).some((a) => a.comment === 'Typed, then the reader clicked elsewhere.'), 'the comment kept');

    // A passage rewritten on disk is lost; the reader attaches its annotation to the new words.
    const lost = (await read()).find((a) => a.id === 'sample-commit-overview-a3');
    assert.ok(lost, 'the sample annotation on "offers of work…"');
    const sourceFile = path.join(vault.dir, 'sources', 'commit-six-countries-since-2004.md');
    await fs.writeFile(sourceFile, (await fs.readFile(sourceFile, 'utf8')).replace(lost.quote.exact, 'job adverts now reach people through chat apps'));
    const card = page.locator('#annotation-sample-commit-overview-a3');
    await card.locator('.badge', { hasText: 'Passage not found' }).waitFor({ timeout: 10_000 });
    await card.getByRole('button', { name: 'Attach to a passage…' }).click();
    await page.getByRole('status').filter({ hasText: 'Select the words' }).waitFor();
    await selectWithMouse(page, 'job adverts now reach people');
    await toolbar.getByRole('button', { name: 'Attach here' }).click();
    await waitFor(async () => (await read()).find((a) => a.id === 'sample-commit-overview-a3')?.quote.exact === 'job adverts now reach people', 'the annotation attached');
    await card.locator('.badge').waitFor({ state: 'detached' });
    assert.equal((await read()).find((a) => a.id === 'sample-commit-overview-a3')?.comment, lost.comment);
    assert.deepEqual(harness.errors, [], 'the page logged errors');
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('a seed capture, imported: a sentence with Vietnamese names selected with the mouse and highlighted is there after a reload', { skip: skip || seedsMissing }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  const sentence = 'La délégation vietnamienne conduite par le vice-ministre de la Sécurité publique, Lê Quy Vuong, a participé à cet évènement.';
  try {
    const imported = await importIntoVault(harness.session.vault, { name: '002_8f33a0f1b4de59be.txt', bytes: await fs.readFile(path.join(SEEDS, '002_8f33a0f1b4de59be.txt')) });
    assert.equal(imported.status, 'imported');
    const source = imported.status === 'imported' ? { id: imported.sourceId, title: imported.title } : null;
    assert.ok(source);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.sidebar .item').filter({ hasText: source.title }).first().click();
    await page.locator('.reader h1', { hasText: source.title }).waitFor();
    await selectWithMouse(page, sentence);
    await page.getByRole('toolbar', { name: 'Annotate the selection' }).waitFor();
    await page.keyboard.press('3');
    const file = path.join(vault.dir, harness.session.vault.annotationFilePath(source.id));
    await waitFor(async () => (await fs.readFile(file, 'utf8').catch(() => '')).includes('Lê Quy Vuong'), 'the annotation file');
    await page.reload();
    await page.locator('.sidebar .item').filter({ hasText: source.title }).first().click();
    await page.locator('.annotation-card').first().waitFor();
    assert.equal((await page.locator('.reader-body mark').allTextContents()).join(''), sentence);
    assert.deepEqual(harness.errors, [], 'the page logged errors');
  } finally {
    await harness.close();
    await vault.remove();
  }
});
