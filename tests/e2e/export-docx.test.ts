import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import mammoth from 'mammoth';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';

const skip = e2eUnavailable() ?? false;

test('Export from the UI: a code’s references as a Chicago bibliography, a note as DOCX, a search’s passages, and a note printed to PDF', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /^References/ }).check();
    await dialog.getByRole('radio', { name: 'The passages of a code' }).check();
    await dialog.getByRole('combobox', { name: 'Code' }).selectOption({ label: 'Victim protection (1)' });
    await dialog.getByRole('radio', { name: /^Formatted bibliography/ }).check();
    await dialog.getByRole('combobox', { name: 'Citation style' }).selectOption('chicago');
    await screenshot(page, 'export-dialog-code-chicago');
    const [bibliography] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const text = await fs.readFile((await bibliography.path())!, 'utf8');
    assert.equal(text.trim().split('\n').filter(Boolean).length, 1, 'only the source whose passage carries the code');
    await page.getByText(/1 reference exported to/).waitFor();

    await page.locator('.sidebar [role="tab"]').nth(1).click();
    await page.locator('.sidebar .item').filter({ hasText: 'COMMIT — a working timeline' }).first().click();
    await page.locator('.note-body').waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    assert.equal(await dialog.getByRole('radio', { name: /^Word \(DOCX\)/ }).isChecked(), true);
    await screenshot(page, 'export-dialog-note-docx');
    const [docx] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(docx.suggestedFilename(), 'COMMIT-a-working-timeline.docx');
    const { value: html } = await mammoth.convertToHtml({ path: (await docx.path())! });
    assert.match(html, /<h1>COMMIT — a working timeline<\/h1>/);
    assert.match(html, /<h2>References<\/h2>/);
    assert.match(html, /Hà Nội accueille la sixième conférence ministérielle/, 'a cited source in the references, accents intact');
    assert.ok(!html.includes('carnet://'), 'citations resolved to text');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: /^PDF/ }).check();
    assert.equal(await dialog.getByRole('button', { name: 'Print…' }).isVisible(), true);
    await dialog.getByRole('button', { name: 'Print…' }).click();
    await page.getByText(/choose “Save as PDF”/).waitFor();

    await page.locator('.sidebar').getByRole('tab', { name: 'Search', exact: true }).click();
    await page.locator('.search-pane input[type="search"]').fill('COMMIT');
    await page.getByRole('button', { name: 'Export these results…' }).click();
    await screenshot(page, 'export-dialog-search');
    assert.equal(await dialog.getByRole('radio', { name: 'The results of the search “COMMIT” (1 passage, 3 sources)' }).isChecked(), true);
    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(csv.suggestedFilename(), 'Carnet-Sample-Vault-COMMIT.annotations.csv', 'not the whole vault’s name');
    const rows = (await fs.readFile((await csv.path())!, 'utf8')).slice(1).split('\r\n').filter(Boolean);
    assert.ok(rows.length > 1 && rows.every((row, index) => index === 0 || /COMMIT/i.test(row)), 'the passages the search found');

    // A small screen: the choices scroll, the title and the buttons stay in sight.
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: /^References/ }).check();
    await dialog.getByRole('radio', { name: /^Sources I choose/ }).check();
    await dialog.getByRole('searchbox', { name: 'Filter sources' }).fill('Phnom');
    await dialog.getByRole('searchbox', { name: 'Filter sources' }).press('Enter');
    assert.equal(await dialog.isVisible(), true, 'Enter in the filter does not export');
    await screenshot(page, 'export-dialog-small');
    const button = await dialog.getByRole('button', { name: 'Export', exact: true }).boundingBox();
    assert.ok(button && button.y + button.height <= 640, 'the Export button is on screen');
    await page.keyboard.press('Escape');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('Details: citation fields edited, and “Copy bibliography entry” copies formatted text and HTML in the vault’s style; French and dark', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.sidebar .item').filter({ hasText: /Hà Nội accueille/ }).first().click();
    await page.locator('.reader-body').waitFor();
    const details = page.locator('.details');
    await details.getByRole('button', { name: 'Edit' }).click();
    await details.getByRole('combobox', { name: 'Item type' }).selectOption('article-newspaper');
    await details.getByRole('textbox', { name: 'Authors' }).fill('Nguyễn, Thị Hương\nJane Roe');
    await details.getByRole('textbox', { name: 'Published in' }).fill('Le Courrier du Mékong');
    await screenshot(page, 'details-citation-fields');
    await details.getByRole('textbox', { name: 'DOI' }).fill('not a doi');
    await details.getByText('A DOI starts with 10. and a slash, like 10.1000/xyz123.').waitFor();
    assert.equal(await details.getByRole('button', { name: 'Save' }).isDisabled(), true, 'nothing the vault would refuse is sent');
    await details.getByRole('textbox', { name: 'DOI' }).fill('https://doi.org/10.1000/xyz123');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Newspaper article').waitFor();
    await details.getByRole('button', { name: '10.1000/xyz123' }).waitFor();
    // A month is all some sources give: kept, and shown as a month.
    await details.getByRole('button', { name: 'Edit' }).click();
    await details.getByRole('textbox', { name: 'Published', exact: true }).fill('2025-11');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Nov 2025', { exact: true }).waitFor();
    // Esc leaves the form without saving; leaving for another source saves what was typed.
    await details.getByRole('button', { name: 'Edit' }).click();
    await details.getByRole('textbox', { name: 'Place' }).fill('Hà Nội');
    await page.keyboard.press('Escape');
    assert.equal(await details.getByText('Hà Nội', { exact: true }).count(), 0);
    await details.getByRole('button', { name: 'Edit' }).click();
    await details.getByRole('textbox', { name: 'Place' }).fill('Hà Nội');
    await page.locator('.sidebar .item').filter({ hasText: /Phnom Penh/ }).first().click();
    await page.locator('.sidebar .item').filter({ hasText: /Hà Nội accueille/ }).first().click();
    await details.getByText('Hà Nội', { exact: true }).waitFor();
    // Changed on disk while the form was open: leaving does not write the form's older values over it, and says so.
    await details.getByRole('button', { name: 'Edit' }).click();
    await details.getByRole('textbox', { name: 'Pages' }).fill('4');
    const sourceFile = `${vault.dir}/sources/ha-noi-accueille-la-sixieme-conference-ministerielle-commit.md`;
    await fs.writeFile(sourceFile, (await fs.readFile(sourceFile, 'utf8')).replace(/^title: .*$/m, (line) => `${line}\nstatus: checked`));
    await page.waitForTimeout(1500);
    await page.locator('.sidebar .item').filter({ hasText: /Phnom Penh/ }).first().click();
    await page.getByText(/The changes to “Hà Nội accueille la sixième conférence ministérielle du processus COMMIT” were not saved/).waitFor();
    assert.match(await fs.readFile(sourceFile, 'utf8'), /\nstatus: checked\n/, 'the edit on disk is kept');
    await page.locator('.sidebar .item').filter({ hasText: /Hà Nội accueille/ }).first().click();
    const file = await fs.readFile(`${vault.dir}/sources/ha-noi-accueille-la-sixieme-conference-ministerielle-commit.md`, 'utf8');
    assert.match(file, /authors:\n {2}- family: Nguyễn\n {4}given: Thị Hương\n {2}- Jane Roe\n/);
    assert.match(file, /container: Le Courrier du Mékong/);

    await page.evaluate(() => {
      window.addEventListener('copy', (event) => {
        (window as unknown as { copied: { text: string; html: string } }).copied = { text: event.clipboardData?.getData('text/plain') ?? '', html: event.clipboardData?.getData('text/html') ?? '' };
      });
    });
    await details.getByRole('combobox', { name: 'Citation style' }).selectOption('iso690-fr');
    await details.locator('.cite-preview').filter({ hasText: /NGUYỄN|Nguyễn/ }).waitFor();
    await details.getByRole('button', { name: 'Copy bibliography entry' }).click();
    const copied = await page.evaluate(() => (window as unknown as { copied: { text: string; html: string } }).copied);
    assert.match(copied.text, /Hà Nội accueille la sixième conférence/);
    assert.match(copied.html, /<i>|font-style:\s*italic/, 'the HTML keeps the style’s italics');
    assert.ok(!/<script/i.test(copied.html));
    const settings = JSON.parse(await fs.readFile(`${vault.dir}/carnet.json`, 'utf8')) as { settings?: { citationStyle?: string } };
    assert.equal(settings.settings?.citationStyle, 'iso690-fr', 'the style is the vault’s');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('combobox', { name: 'Thème' }).selectOption('dark');
    await details.getByRole('button', { name: 'Copier la citation' }).waitFor();
    await screenshot(page, 'details-cite-fr-dark');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});

test('Codes: a colleague’s REFI-QDA codebook is imported from the Codes tab, new codes under their parents, the vault’s own kept', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    const qdc = `${vault.dir}/../shared.qdc`;
    await fs.writeFile(
      qdc,
      '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-5000-8000-000000000001" name="regional COOPERATION" isCodable="true"><Code guid="00000000-0000-5000-8000-000000000002" name="Accords bilatéraux" isCodable="true" color="#336699"><Description>MoU &amp; traités</Description></Code></Code></Codes></CodeBook>',
    );
    await page.locator('.sidebar [role="tab"]').nth(2).click();
    await page.getByRole('button', { name: 'Import codebook…' }).waitFor();
    await screenshot(page, 'codes-import-codebook');
    await page.locator('.codebook-bar input[type="file"]').setInputFiles(qdc);
    await page.getByRole('status').filter({ hasText: '1 code added from shared.qdc; 1 already here, kept as they are.' }).waitFor();
    await page.locator('.sidebar .item-title').filter({ hasText: 'Accords bilatéraux' }).waitFor();
    await screenshot(page, 'codes-imported');
    const codebook = JSON.parse(await fs.readFile(`${vault.dir}/codebook.json`, 'utf8')) as { codes: { name: string; parent?: string; color: string }[] };
    const added = codebook.codes.find((code) => code.name === 'Accords bilatéraux');
    assert.equal(added?.parent, 'code-cooperation', 'under the vault’s own “Regional cooperation”');
    assert.equal(added?.color, '#336699');
    assert.equal(codebook.codes.filter((code) => code.name.toLowerCase() === 'regional cooperation').length, 1);
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
