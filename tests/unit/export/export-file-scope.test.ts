import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { exportFile } from '../../../electron/export/export-file.ts';
import { backupVaultBytes } from '../../../electron/export/vault-backup.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { inNewVault, inSampleVault } from '../../helpers/test-vault.ts';

/** The annotation ids of a CSV export, in order. */
function csvIds(text: string): string[] {
  return text.trim().split('\r\n').slice(1).map((row) => /,(sample-[a-z0-9-]+-a\d),/.exec(row)?.[1] ?? row);
}

test('a code scope: the passages coded with the code or any of its sub-codes; the references of the sources having such passages', async () => {
  await inSampleVault(async (vault) => {
    // Regional cooperation has Ministerial meetings under it.
    const cooperation = await exportFile(vault, 'csv', { codeIds: ['code-cooperation'] });
    assert.equal(cooperation.count, 4);
    assert.deepEqual(csvIds(cooperation.text).sort(), ['sample-commit-overview-a1', 'sample-commit-overview-a2', 'sample-imm4-phnom-penh-a1', 'sample-imm6-hanoi-a1']);
    assert.equal(cooperation.fileName, 'Carnet-Sample-Vault-Regional-cooperation.annotations.csv');
    const meetings = await exportFile(vault, 'w3c', { codeIds: ['code-meetings'] });
    assert.equal(meetings.count, 2);
    assert.equal((JSON.parse(meetings.text) as { total: number }).total, 2);

    const victims = await exportFile(vault, 'csl-json', { codeIds: ['code-victims'] });
    assert.deepEqual((JSON.parse(victims.text) as { id: string }[]).map((item) => item.id), ['sample-imm6-hanoi']);
    const ris = await exportFile(vault, 'ris', { codeIds: ['code-meetings'] });
    assert.equal(ris.count, 2);
    assert.equal(ris.text.match(/^TY {2}- /gm)?.length, 2);

    const codebook = await exportFile(vault, 'qdc', { codeIds: ['code-cooperation'] });
    assert.equal(codebook.count, 2);
    assert.doesNotMatch(codebook.text, /Victim protection/);
    const matrix = await exportFile(vault, 'matrix', { codeIds: ['code-digital'], sourceIds: ['sample-imm6-hanoi'] });
    assert.equal(matrix.count, 1);
    assert.match(matrix.text, /^\uFEFFcode,Hà Nội accueille[^\r\n]*,total\r\nDigital era,1,1\r\n$/);
  });
});

test('scopes narrow together; a search result’s passages; an empty result is still a valid file; unknown ids are refused in both languages', async () => {
  await inSampleVault(async (vault) => {
    const both = await exportFile(vault, 'csv', { codeIds: ['code-cooperation'], sourceIds: ['sample-commit-overview'] });
    assert.deepEqual(csvIds(both.text), ['sample-commit-overview-a1', 'sample-commit-overview-a2']);
    const chosen = await exportFile(vault, 'markdown', { annotationIds: ['sample-imm6-hanoi-a2'] });
    assert.equal(chosen.count, 1);
    assert.equal((await exportFile(vault, 'bibtex', { annotationIds: ['sample-imm6-hanoi-a2'] })).count, 1);
    const found = await exportFile(vault, 'csv', { found: { sourceIds: ['sample-imm4-phnom-penh'], annotationIds: ['sample-commit-overview-a3'] } });
    assert.deepEqual(csvIds(found.text).sort(), ['sample-commit-overview-a3'], 'the passages found, not every passage of a source found');
    assert.equal((await exportFile(vault, 'csl-json', { found: { sourceIds: ['sample-imm4-phnom-penh'], annotationIds: ['sample-commit-overview-a3'] } })).count, 2);

    const none = await exportFile(vault, 'csv', { codeIds: ['code-victims'], sourceIds: ['sample-commit-overview'] });
    assert.equal(none.count, 0);
    assert.equal(none.text, '\uFEFFsource,source_id,published,publisher,url,quote,comment,codes,colour,state,start,end,annotation_id,created,updated\r\n');
    assert.equal((await exportFile(vault, 'csl-json', { codeIds: ['code-victims'], sourceIds: ['sample-commit-overview'] })).text, '[]\n');

    await assert.rejects(exportFile(vault, 'csv', { codeIds: ['code-nope'] }), (error: CarnetError) => error.code === 'not-found' && /No code with id "code-nope"/.test(error.text.en) && /Aucun code/.test(error.text.fr));
    await assert.rejects(exportFile(vault, 'w3c', { annotationIds: ['gone'] }), (error: CarnetError) => /No annotation with id gone/.test(error.text.en) && /Aucune annotation/.test(error.text.fr));
    await assert.rejects(exportFile(vault, 'docx', { noteIds: ['nope'] }), CarnetError);
  });
});

test('references in the vault’s citation style unless the export names one; html is note-html', async () => {
  await inSampleVault(async (vault) => {
    const apa = await exportFile(vault, 'bibliography');
    await vault.updateVaultSettings({ citationStyle: 'chicago' });
    const chicago = await exportFile(vault, 'bibliography');
    assert.notEqual(chicago.text, apa.text);
    assert.equal((await exportFile(vault, 'bibliography', { style: 'chicago' })).text, chicago.text);
    assert.equal((await exportFile(vault, 'bibliography', { style: 'apa' })).text, apa.text);
    const html = await exportFile(vault, 'html', { noteIds: ['sample-timeline'] });
    assert.equal(html.text, (await exportFile(vault, 'note-html', { noteIds: ['sample-timeline'] })).text);
    assert.match(html.text, /\(Carnet team 2025\)/);
  });
});

test('qdpx and zip through exportFile: valid archives in base64; the backup without .carnet/index, refused past its size with the CLI to use instead', async () => {
  await inSampleVault(async (vault) => {
    const root = vault.root;
    await fs.mkdir(path.join(root, '.carnet', 'index'), { recursive: true });
    await fs.writeFile(path.join(root, '.carnet', 'index', 'shard-0.json'), '{}');

    const qdpx = await exportFile(vault, 'qdpx');
    assert.equal(qdpx.count, 3);
    assert.equal(qdpx.fileName, 'Carnet-Sample-Vault.qdpx');
    const project = await JSZip.loadAsync(Buffer.from(qdpx.base64!, 'base64'));
    assert.match(await project.file('project.qde')!.async('string'), /<Project xmlns="urn:QDA-XML:project:1\.0"/);
    assert.equal(Object.keys(project.files).filter((name) => name.startsWith('sources/')).length, 3);

    const zip = await exportFile(vault, 'zip', {}, new Date('2026-03-01T10:00:00Z'));
    assert.equal(zip.fileName, 'Carnet-Sample-Vault-2026-03-01.zip');
    assert.equal(zip.mediaType, 'application/zip');
    const backup = await JSZip.loadAsync(Buffer.from(zip.base64!, 'base64'));
    const names = Object.keys(backup.files).filter((name) => !backup.files[name]!.dir);
    assert.equal(names.length, zip.count);
    assert.ok(names.includes('carnet.json') && names.includes('notes/commit-timeline.md'), names.join(', '));
    assert.ok(!names.some((name) => name.startsWith('.carnet/index')), names.join(', '));
    assert.equal(await backup.file('notes/commit-timeline.md')!.async('string'), await fs.readFile(path.join(root, 'notes', 'commit-timeline.md'), 'utf8'));

    await assert.rejects(backupVaultBytes(root, 1000), (error: CarnetError) => error.code === 'too-heavy' && /carnet export --vault .* --format zip --out FILE\.zip/.test(error.text.en) && /depuis un terminal/.test(error.text.fr));
  });
});

test('an empty vault: every format still gives a valid file', async () => {
  await inNewVault(async (vault) => {
    for (const format of ['w3c', 'csv', 'markdown', 'csl-json', 'bibtex', 'ris', 'bibliography', 'qdc', 'note-markdown', 'html'] as const) {
      const file = await exportFile(vault, format);
      assert.equal(file.count, 0, format);
      assert.equal(typeof file.text, 'string', format);
    }
    for (const format of ['qdpx', 'zip'] as const) {
      const file = await exportFile(vault, format);
      await JSZip.loadAsync(Buffer.from(file.base64!, 'base64'));
    }
  });
});
