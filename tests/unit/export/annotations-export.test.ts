import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedPassages } from '../../../electron/export/passages.ts';
import { annotationsCsv, csvField } from '../../../electron/export/annotations-csv.ts';
import { w3cCollection } from '../../../electron/export/w3c-annotations.ts';
import { annotationsMarkdown } from '../../../electron/export/annotations-markdown.ts';
import { exportFile } from '../../../electron/export/export-file.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';
import { mustFailures, w3cSuiteAvailable } from '../../helpers/w3c-annotation-schemas.ts';

const skip = w3cSuiteAvailable() ? false : 'the W3C annotation test suite (../shared/standards) is not here';

test('W3C Web Annotation JSON-LD: every annotation and the collection pass every "must" of the W3C test suite', { skip }, async () => {
  await inSampleVault(async (vault) => {
    const passages = exportedPassages(vault);
    assert.ok(passages.length >= 5);
    const collection = w3cCollection(passages, { vaultId: vault.manifest.id, label: vault.manifest.name, now: '2026-11-26T10:00:00.000Z' }) as { total: number; first: { items: Record<string, unknown>[] } };
    assert.deepEqual(mustFailures(collection, 'collection'), []);
    assert.equal(collection.total, passages.length);
    for (const item of collection.first.items) assert.deepEqual(mustFailures(item, 'annotation'), [], JSON.stringify(item).slice(0, 200));
    // The suite's musts catch what they should: an annotation without a target fails.
    const { target: _target, ...untargeted } = collection.first.items[0]!;
    assert.notDeepEqual(mustFailures(untargeted, 'annotation'), []);
  });
});

test('W3C export: the two selectors Carnet anchors by, the comment as a Markdown commenting body, each code as a tagging body with its parent', async () => {
  await inSampleVault(async (vault) => {
    const [passage] = exportedPassages(vault, ['sample-commit-overview']);
    assert.ok(passage);
    const collection = w3cCollection([passage], { vaultId: 'v1', label: 'Test', now: '2026-11-26T10:00:00.000Z' }) as { first: { items: { id: string; target: { selector: { type: string; exact?: string; start?: number }[] }; body: { purpose: string; value: string; format?: string }[] }[] } };
    const [item] = collection.first.items;
    assert.equal(item?.id, `urn:carnet:v1:annotation:${passage.annotation.id}`);
    assert.deepEqual(item?.target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
    assert.equal(item?.target.selector[0]?.exact, passage.annotation.quote.exact);
    assert.deepEqual(item?.body.map((b) => [b.purpose, b.value]), [['commenting', passage.annotation.comment], ...passage.codes.map((c) => ['tagging', c])]);
  });
});

test('CSV: a byte-order mark, RFC 4180 quoting, CRLF lines, accents intact, one row per passage with its state', async () => {
  await inSampleVault(async (vault) => {
    const passages = exportedPassages(vault);
    const csv = annotationsCsv(passages);
    assert.ok(csv.startsWith('\uFEFFsource,source_id,published,publisher,url,quote,comment,codes,colour,state,start,end,annotation_id,created,updated\r\n'));
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    assert.equal(lines.length, passages.length + 1);
    assert.match(csv, /Hà Nội accueille la sixième conférence/);
    assert.match(csv, /,anchored,/);
  });
  assert.equal(csvField('Hanoi, "IMM6"\nnext'), '"Hanoi, ""IMM6""\nnext"');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`, 'a formula is kept as text');
  assert.equal(csvField('plain'), 'plain');
});

test('Markdown per source: the title and reference, each passage a quote linking back to it, its codes as tags with their parents, its comment; pasted into a note, each verifies', async () => {
  await inSampleVault(async (vault) => {
    const passages = exportedPassages(vault, ['sample-commit-overview']);
    const markdown = annotationsMarkdown(passages);
    assert.ok(markdown.startsWith('# COMMIT: six countries against human trafficking since 2004\n\nCarnet team, Carnet sample, 2025-11-20\n'));
    assert.match(markdown, /\n#Regional-cooperation\/Ministerial-meetings\n/);
    assert.match(markdown, /\nThe founding date: 2004, six countries\.\n/);
    const note = await vault.createNote('Exported', markdown);
    assert.deepEqual(vault.listCitations({ noteId: note.id }).map((c) => c.state), ['verified', 'verified', 'verified']);
  });
});

test('the code × source matrix and the co-occurrence table as CSV, codes named with their parents', async () => {
  await inSampleVault(async (vault) => {
    const matrix = await exportFile(vault, 'matrix');
    assert.equal(matrix.fileName, 'Carnet-Sample-Vault.code-matrix.csv');
    const lines = matrix.text.slice(1).split('\r\n').filter(Boolean);
    assert.match(lines[0] ?? '', /^code,COMMIT: six countries against human trafficking since 2004,Hà Nội accueille/);
    assert.ok(lines.includes('Regional cooperation › Ministerial meetings,1,0,1,2'), lines.join('\n'));
    const pairs = await exportFile(vault, 'cooccurrence');
    assert.ok(pairs.text.startsWith('\uFEFFcode_a,code_b,passages\r\n'));
    assert.equal(pairs.text.slice(1).split('\r\n').filter(Boolean).length, pairs.count + 1);
  });
});

test('the Markdown export heads each source with its reference in the vault’s style', async () => {
  await inSampleVault(async (vault) => {
    const apa = await exportFile(vault, 'markdown', { sourceIds: ['sample-commit-overview'] });
    assert.match(apa.text, /^# COMMIT: six countries against human trafficking since 2004\n\nCarnet team\. \(2025, November 20\)\. COMMIT: six countries/);
    const iso = await exportFile(vault, 'markdown', { sourceIds: ['sample-commit-overview'], style: 'iso690-fr' });
    assert.match(iso.text, /\n\nCARNET TEAM, 2025\. COMMIT: six countries against human trafficking since 2004\. Carnet sample\. 20 novembre 2025\.\n/);
  });
});
