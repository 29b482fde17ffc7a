import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../../../electron/cli/carnet.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { importIntoVault } from '../../../electron/importers/import-into-vault.ts';
import { stopImportWorkers } from '../../../electron/importers/import-runner.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { inNewVault } from '../../helpers/test-vault.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const SITE = path.join(import.meta.dirname, '..', '..', 'fixtures', 'captures', 'site-veilleur-du-delta');
const BLURB = /Le Veilleur du Delta est un journal indépendant/;

async function imported(vault: Vault, name: string): Promise<string> {
  const result = await importIntoVault(vault, { name, bytes: await fs.readFile(path.join(SITE, name)) });
  assert.equal(result.status, 'imported');
  return result.status === 'imported' ? result.sourceId : assert.fail();
}

test.after(() => stopImportWorkers());

test('re-extracting reads the capture again with its site’s chrome; the file replaced is kept, unknown keys and the user’s title stay', async () => {
  await inNewVault(async (vault) => {
    const id = await imported(vault, '1-crue-can-tho.txt');
    await imported(vault, '2-marche-flottant.txt');
    let source = vault.getSource(id);
    assert.match(source.body, BLURB, 'imported first, alone: the blurb was kept');
    // A key Carnet does not know, added by hand; a title the user corrected.
    const file = path.join(vault.root, source.path);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^---\n/, '---\nreading-list: true\n'));
    await vault.reload([source.path]);
    source = await vault.updateSourceMeta(id, { title: 'Crue tardive (à relire)', url: source.url, publisher: source.publisher, authors: source.authors, published: source.published, language: source.language }, vault.getSource(id).revision);
    const before = await fs.readFile(file, 'utf8');

    const result = await vault.reextractSource(id, source.revision);
    assert.equal(result.changed, true);
    assert.ok(result.wordsAfter < result.wordsBefore, `${result.wordsBefore} → ${result.wordsAfter}`);
    assert.doesNotMatch(result.source.body, BLURB);
    assert.match(result.source.body, /calendrier des semis/);
    assert.equal(result.source.title, 'Crue tardive (à relire)');
    assert.equal(result.source.published, '2025-10-03');
    const after = await fs.readFile(file, 'utf8');
    assert.match(after, /^---\nreading-list: true\n/);
    const history = path.join(vault.root, '.carnet', 'history', id);
    assert.equal(await fs.readFile(path.join(history, `${result.version}.md`), 'utf8'), before, 'the file replaced is kept byte for byte');
    assert.equal(await fs.readFile(path.join(history, 'as-imported.md'), 'utf8'), before);

    // Again: nothing new to learn, nothing written.
    const again = await vault.reextractSource(id, result.source.revision);
    assert.equal(again.changed, false);
    // And it can be undone like a trim.
    const undone = await vault.restoreSourceBody(id, again.source.revision, result.version);
    assert.match(undone.body, BLURB);
  });
});

test('a source with annotations is never re-extracted; nor one that is not a text capture', async () => {
  await inNewVault(async (vault) => {
    await imported(vault, '2-marche-flottant.txt');
    const id = await imported(vault, '1-crue-can-tho.txt');
    const source = vault.getSource(id);
    const start = source.body.indexOf('Les eaux');
    await vault.createAnnotation(id, source.revision, start, start + 20, { comment: 'crue' });
    const annotated = (error: unknown) => error instanceof CarnetError && error.code === 'conflict' && /annotations/.test(error.text.en) && /annotations/.test(error.text.fr);
    await assert.rejects(vault.reextractSource(id, vault.getSource(id).revision), annotated);
    assert.equal(await vault.reextractRefusal(id), 'annotations');
    assert.equal(vault.getSource(id).body, source.body);

    const note = await vault.addSource({ title: 'Typed by hand', authors: [] }, 'Some text typed by hand.\n');
    assert.equal(await vault.reextractRefusal(note.id), 'not-capture');
    await assert.rejects(vault.reextractSource(note.id, note.revision), (error: unknown) => error instanceof CarnetError && /text capture/.test(error.text.en) && /capture texte/.test(error.text.fr));
  });
});

test('carnet reextract re-reads every eligible source and says what it did with each', async () => {
  const { dir, remove } = await tempDir();
  try {
    const root = path.join(dir, 'v');
    const vault = await Vault.create(root);
    const first = await imported(vault, '1-crue-can-tho.txt');
    const second = await imported(vault, '2-marche-flottant.txt');
    const plain = await vault.addSource({ title: 'Typed by hand', authors: [] }, 'Some text typed by hand.\n');
    await vault.close();
    const out: string[] = [];
    const code = await runCli(['reextract', '--vault', root, '--json'], { out: (t) => out.push(t), err: () => undefined });
    assert.equal(code, 0);
    const report = JSON.parse(out.join('\n')) as { counts: Record<string, number>; sources: { id: string; status: string; reason?: string; wordsBefore?: number; wordsAfter?: number }[] };
    const byId = new Map(report.sources.map((s) => [s.id, s]));
    assert.equal(byId.get(first)?.status, 'reextracted');
    assert.ok(byId.get(first)!.wordsAfter! < byId.get(first)!.wordsBefore!);
    assert.equal(byId.get(second)?.status, 'unchanged');
    assert.deepEqual(byId.get(plain.id), { id: plain.id, title: 'Typed by hand', status: 'skipped', reason: 'not a text capture' });
    assert.deepEqual(report.counts, { reextracted: 1, unchanged: 1, skipped: 1 });

    const text: string[] = [];
    assert.equal(await runCli(['reextract', '--vault', root, '--source', first], { out: (t) => text.push(t), err: () => undefined }), 0);
    assert.match(text.join('\n'), /unchanged .*\n0 re-extracted, 1 unchanged, 0 skipped\./);
  } finally {
    await remove();
  }
});
