import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Vault } from '../../../electron/vault/vault.ts';
import { methodSchemas } from '../../../electron/api.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';

async function addSource(vault: Vault, dir: string, id: string, body: string): Promise<void> {
  await fs.writeFile(path.join(dir, 'sources', `${id}.md`), `---\nid: ${id}\ntitle: "${id}"\nimported: 2026-11-25T00:00:00.000Z\n---\n${body}`);
  await vault.reload([`sources/${id}.md`]);
}

test('a 200,000-character selection becomes one annotation that anchors again', async () => {
  await inSampleVault(async (vault, dir) => {
    const paragraph = 'Les délégués de Hà Nội, Phnom Penh et Vientiane ont signé un plan commun contre la traite. ';
    await addSource(vault, dir, 'long', `${paragraph.repeat(2600)}\n`);
    const source = vault.getSource('long');
    const made = await vault.createAnnotation('long', source.revision, 1000, 201_000, { comment: 'Tout le rapport.' });
    const index = made.annotations.findIndex((a) => a.id === made.id);
    assert.ok((made.annotations[index]?.quote.exact.length ?? 0) >= 199_998, 'the whole selection, spaces at its ends aside');
    assert.equal(made.anchors[index]?.state, 'anchored');
  });
});

test('the API says what is too long in words: a comment over 1,000,000 characters, a passage of nothing', () => {
  const ok = methodSchemas.updateAnnotation.safeParse({ sourceId: 's', id: 'a', comment: 'x'.repeat(1_000_000) });
  assert.equal(ok.success, true, 'a 1 MB comment is accepted');
  const tooLong = methodSchemas.updateAnnotation.safeParse({ sourceId: 's', id: 'a', comment: 'x'.repeat(1_000_001) });
  assert.equal(tooLong.success, false);
  assert.match(tooLong.error?.issues[0]?.message ?? '', /limited to 1,000,000 characters/);
  const empty = methodSchemas.createAnnotation.safeParse({ sourceId: 's', sourceRevision: '0123456789abcdef', start: 5, end: 5 });
  assert.equal(empty.success, false);
});

test('two annotations on the very same passage both stay, both anchored at it', async () => {
  await inSampleVault(async (vault) => {
    const source = vault.getSource('sample-commit-overview');
    const at = source.body.indexOf('human trafficking');
    const first = await vault.createAnnotation(source.id, source.revision, at, at + 17, { color: '#ffd400' });
    const second = await vault.createAnnotation(source.id, source.revision, at, at + 17, { color: '#2ea8e5' });
    const both = second.annotations.map((a, i) => ({ id: a.id, anchor: second.anchors[i] })).filter((e) => e.id === first.id || e.id === second.id);
    assert.equal(both.length, 2);
    for (const entry of both) assert.deepEqual(entry.anchor, { state: 'anchored', start: at, end: at + 17 });
  });
});

test('an annotation naming a code that is gone keeps it; a body rewritten beyond recognition leaves every annotation an orphan, the file untouched', async () => {
  await inSampleVault(async (vault, dir) => {
    const relative = vault.annotationFilePath('sample-commit-overview');
    const file = path.join(dir, relative);
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: { codes: string[] }[] };
    data.annotations[0]?.codes.push('code-that-was-deleted');
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await fs.writeFile(file, text);
    await vault.reload([relative]);
    assert.ok(vault.listAnnotations('sample-commit-overview').annotations[0]?.codes.includes('code-that-was-deleted'));

    const source = vault.getSource('sample-commit-overview');
    const sourceFile = path.join(dir, source.path);
    const original = await fs.readFile(sourceFile, 'utf8');
    await fs.writeFile(sourceFile, `${original.slice(0, original.indexOf('\n---\n') + 5)}Texte entièrement différent, sans rapport avec le précédent.\n`);
    await vault.reload([source.path]);
    const list = vault.listAnnotations('sample-commit-overview');
    assert.ok(list.anchors.length > 0);
    assert.ok(list.anchors.every((a) => a.state === 'orphan'));
    assert.equal(list.annotations.length, data.annotations.length, 'none dropped');
    assert.equal(await fs.readFile(file, 'utf8'), text, 'the annotations file is not rewritten');
  });
});
