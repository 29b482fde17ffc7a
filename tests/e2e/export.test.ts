import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { e2eUnavailable, screenshot, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';

const skip = e2eUnavailable() ?? false;

test('Export: a source’s annotations as CSV for a spreadsheet and the vault’s as Markdown, saved as downloads; the dialog in French and dark', { skip }, async () => {
  const vault = await sampleVaultCopy();
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.locator('.sidebar .item').filter({ hasText: /six countries against human trafficking/ }).first().click();
    await page.locator('.reader-body').waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('radio', { name: /This source: “COMMIT: six countries/ }).isChecked(), true, 'the open source is offered first');
    await screenshot(page, 'export-dialog');

    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(csv.suggestedFilename(), 'COMMIT-six-countries-against-human-trafficking-since-2004.annotations.csv');
    const text = await fs.readFile((await csv.path())!, 'utf8');
    assert.ok(text.startsWith('\uFEFFsource,source_id,published,publisher,url,quote,comment,codes,colour,state'));
    assert.equal(text.slice(1).split('\r\n').filter(Boolean).length, 4, 'a header and the source’s three passages');
    await page.getByText(/3 passages exported to COMMIT-six-countries/).waitFor();

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: 'Every source of the vault' }).check();
    await dialog.getByRole('radio', { name: /^Markdown/ }).check();
    const [markdown] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(markdown.suggestedFilename(), 'Carnet-Sample-Vault.annotations.md');
    const md = await fs.readFile((await markdown.path())!, 'utf8');
    assert.match(md, /^# COMMIT: six countries/m);
    assert.match(md, /^# Hà Nội accueille la sixième conférence/m);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: /^References/ }).check();
    await dialog.getByRole('radio', { name: 'Every source of the vault' }).check();
    await dialog.getByRole('radio', { name: /^BibTeX/ }).check();
    const [bib] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(bib.suggestedFilename(), 'Carnet-Sample-Vault.bib');
    const bibtex = await fs.readFile((await bib.path())!, 'utf8');
    assert.equal(bibtex.match(/^@/gm)?.length, 3, 'one entry per source');
    assert.match(bibtex, /title = \{Hà \{N\}ội accueille/);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('radio', { name: /^Codebook \(REFI-QDA \.qdc\)/ }).check();
    const [qdc] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(qdc.suggestedFilename(), 'Carnet-Sample-Vault.qdc');
    assert.match(await fs.readFile((await qdc.path())!, 'utf8'), /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/);

    await page.locator('.sidebar [role="tab"]').nth(1).click();
    await page.locator('.sidebar .item').filter({ hasText: 'COMMIT — a working timeline' }).first().click();
    await page.locator('.note-body').waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    assert.equal(await dialog.getByRole('radio', { name: 'This note: “COMMIT — a working timeline”' }).isChecked(), true, 'the open note is offered first');
    assert.equal(await dialog.getByRole('radio', { name: /^Word \(DOCX\)/ }).isChecked(), true, 'a note goes to a word processor first');
    await dialog.getByRole('radio', { name: /^HTML/ }).check();
    await screenshot(page, 'export-dialog-note');
    const [html] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    assert.equal(html.suggestedFilename(), 'COMMIT-a-working-timeline.html');
    const page2 = await fs.readFile((await html.path())!, 'utf8');
    assert.ok(!page2.includes('carnet://') && !/<script/i.test(page2));
    assert.match(page2, /<h2>References<\/h2>/);
    // Opened on its own, offline: it shows its text and asks nothing of the network.
    const viewer = await page.context().newPage();
    const requests: string[] = [];
    viewer.on('request', (request) => requests.push(request.url()));
    // A download is kept under a name without extension: a copy named .html opens as a page.
    const opened = `${vault.dir}/../exported.html`;
    await fs.copyFile((await html.path())!, opened);
    await viewer.goto(pathToFileURL(opened).href);
    await viewer.getByRole('heading', { name: 'References' }).waitFor();
    assert.equal(await viewer.getByRole('heading', { level: 1 }).first().textContent(), 'COMMIT — a working timeline');
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
    await viewer.close();

    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('combobox', { name: 'Thème' }).selectOption('dark');
    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    await page.getByRole('dialog', { name: 'Exporter' }).getByRole('radio', { name: 'Matrice codes × sources' }).check();
    await screenshot(page, 'export-dialog-fr-dark');
    const [matrix] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog', { name: 'Exporter' }).getByRole('button', { name: 'Exporter', exact: true }).click()]);
    assert.equal(matrix.suggestedFilename(), 'Carnet-Sample-Vault.code-matrix.csv');
    assert.deepEqual(harness.errors, []);
  } finally {
    await harness.close();
    await vault.remove();
  }
});
