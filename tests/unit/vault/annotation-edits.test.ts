import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { trimPassage } from '../../../electron/annotations/passage-bounds.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';

const SOURCE = 'sample-commit-overview';

function annotationFile(vault: Vault, dir: string): string {
  return path.join(dir, vault.annotationFilePath(SOURCE));
}

test('a selection becomes an annotation with W3C selectors, in document order, its colour and codes kept; the file stays readable JSON', async () => {
  await inSampleVault(async (vault, dir) => {
    const source = vault.getSource(SOURCE);
    const word = 'Its highest level';
    const at = source.body.indexOf(word);
    // A triple click takes the line break along: it is left out of the quote.
    const created = await vault.createAnnotation(SOURCE, source.revision, at - 2, at + word.length + 1, { color: '#ff6666', codes: ['code-cooperation', 'code-cooperation'], comment: 'Le **sommet**.' });
    const mine = created.annotations.find((a) => a.id === created.id);
    assert.ok(mine);
    assert.equal(mine.quote.exact, word);
    assert.equal(source.body.slice(mine.position.start, mine.position.end), word);
    assert.ok(mine.quote.prefix.length > 0 && mine.quote.suffix.length > 0);
    assert.deepEqual(mine.codes, ['code-cooperation']);
    assert.equal(mine.color, '#ff6666');
    const starts = created.annotations.map((a) => a.position.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'kept in document order');
    assert.equal(created.anchors[created.annotations.indexOf(mine)]?.state, 'anchored');
    const onDisk = JSON.parse(await fs.readFile(annotationFile(vault, dir), 'utf8')) as { annotations: { id: string; color?: string }[] };
    assert.equal(onDisk.annotations.find((a) => a.id === created.id)?.color, '#ff6666');
  });
});

test('a selection made on a body that changed since it was shown is refused, nothing written', async () => {
  await inSampleVault(async (vault, dir) => {
    const before = await fs.readFile(annotationFile(vault, dir), 'utf8');
    await assert.rejects(
      vault.createAnnotation(SOURCE, '0000000000000000', 0, 10, {}),
      (error: unknown) => error instanceof CarnetError && error.code === 'conflict' && /select the passage again/.test(error.message),
    );
    assert.equal(await fs.readFile(annotationFile(vault, dir), 'utf8'), before);
  });
});

test('editing one annotation keeps what another window (or a hand edit) changed in the same file, and keys Carnet does not know', async () => {
  await inSampleVault(async (vault, dir) => {
    const file = annotationFile(vault, dir);
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: Record<string, unknown>[]; [key: string]: unknown };
    data.syncedBy = 'my other laptop';
    (data.annotations[1] as Record<string, unknown>).comment = 'Edited elsewhere.';
    (data.annotations[1] as Record<string, unknown>).zoteroKey = 'ABCD1234';
    ((data.annotations[0] as Record<string, unknown>).quote as Record<string, unknown>).refinedBy = 'a nested key';
    await fs.writeFile(file, JSON.stringify(data, null, 2));
    const first = data.annotations[0]?.id as string;
    await vault.updateAnnotation(SOURCE, first, { comment: 'Mine.', color: '#5fb236' });
    const after = JSON.parse(await fs.readFile(file, 'utf8')) as typeof data;
    assert.equal(after.syncedBy, 'my other laptop');
    assert.equal(after.annotations[0]?.comment, 'Mine.');
    assert.equal(after.annotations[0]?.color, '#5fb236');
    assert.equal(after.annotations[1]?.comment, 'Edited elsewhere.');
    assert.equal(after.annotations[1]?.zoteroKey, 'ABCD1234');
    assert.equal((after.annotations[0]?.quote as Record<string, unknown>).refinedBy, 'a nested key', 'nested keys too');
    await vault.updateAnnotation(SOURCE, first, { color: null });
    assert.equal((JSON.parse(await fs.readFile(file, 'utf8')) as typeof data).annotations[0]?.color, undefined, 'null takes the colour off');
  });
});

test('a broken annotation file is never overwritten by an edit', async () => {
  await inSampleVault(async (vault, dir) => {
    const file = annotationFile(vault, dir);
    await fs.writeFile(file, '{ "source": "sample-commit-overview", "annotations": [ broken');
    const source = vault.getSource(SOURCE);
    await assert.rejects(vault.createAnnotation(SOURCE, source.revision, 0, 20, {}), (error: unknown) => error instanceof CarnetError);
    assert.equal(await fs.readFile(file, 'utf8'), '{ "source": "sample-commit-overview", "annotations": [ broken');
  });
});

test('after the source is edited on disk, a shifted passage with a typo needs review; accept rewrites its selectors, detach keeps it unplaced', async () => {
  await inSampleVault(async (vault, dir) => {
    const source = vault.getSource(SOURCE);
    const list = vault.listAnnotations(SOURCE);
    const target = list.annotations[0];
    assert.ok(target);
    const file = path.join(dir, source.path);
    const text = await fs.readFile(file, 'utf8');
    const typo = target.quote.exact.replace('human trafficking', 'human trafficing');
    await fs.writeFile(file, text.replace(target.quote.exact, typo).replace('\n---\n', '\n---\nA new first paragraph, added by hand.\n\n'));
    await vault.reload([source.path]);
    const review = vault.listAnnotations(SOURCE);
    const anchor = review.anchors[review.annotations.findIndex((a) => a.id === target.id)];
    assert.equal(anchor?.state, 'needs-review');
    assert.equal(anchor?.state === 'needs-review' ? anchor.found : '', typo);

    const accepted = await vault.resolveAnchor(SOURCE, target.id, 'accept');
    const index = accepted.annotations.findIndex((a) => a.id === target.id);
    assert.equal(accepted.anchors[index]?.state, 'anchored');
    assert.equal(accepted.annotations[index]?.quote.exact, typo);

    const other = accepted.annotations[1];
    assert.ok(other);
    const detached = await vault.resolveAnchor(SOURCE, other.id, 'detach');
    assert.equal(detached.anchors[1]?.state, 'orphan');
    assert.equal(detached.annotations[1]?.quote.exact, other.quote.exact, 'kept with its quote');
  });
});

test('a passage never starts or ends in white space nor splits an emoji', () => {
  const body = 'Un 🇻🇳 drapeau.\n\nSuite';
  assert.deepEqual(trimPassage(body, 2, 9), { start: 3, end: 9 });
  assert.deepEqual(trimPassage(body, 4, 6), { start: 3, end: 7 });
  assert.equal(trimPassage(body, 16, 18), null);
  assert.equal(trimPassage(body, 3, 999), null);
});

test('codes added in quick succession (or from two windows) all stay: each change applies to the file as it is then', async () => {
  await inSampleVault(async (vault) => {
    const source = vault.getSource(SOURCE);
    const made = await vault.createAnnotation(SOURCE, source.revision, 10, 40, {});
    await Promise.all([
      vault.updateAnnotation(SOURCE, made.id, { addCodes: ['code-digital'] }),
      vault.updateAnnotation(SOURCE, made.id, { addCodes: ['code-victims'] }),
      vault.updateAnnotation(SOURCE, made.id, { addCodes: ['code-cooperation'] }),
    ]);
    const after = await vault.updateAnnotation(SOURCE, made.id, { removeCodes: ['code-victims'] });
    assert.deepEqual(after.annotations.find((a) => a.id === made.id)?.codes, ['code-digital', 'code-cooperation']);
  });
});

test('a lost annotation is attached to the words the user chose: new selectors, its comment and codes kept', async () => {
  await inSampleVault(async (vault, dir) => {
    const source = vault.getSource(SOURCE);
    const target = vault.listAnnotations(SOURCE).annotations[0];
    assert.ok(target);
    const file = path.join(dir, source.path);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(target.quote.exact, 'words rewritten beyond recognition by an editor'));
    await vault.reload([source.path]);
    const lost = vault.listAnnotations(SOURCE);
    assert.equal(lost.anchors[lost.annotations.findIndex((a) => a.id === target.id)]?.state, 'orphan');
    const edited = vault.getSource(SOURCE);
    const at = edited.body.indexOf('words rewritten');
    const attached = await vault.attachAnnotation(SOURCE, target.id, edited.revision, at, at + 'words rewritten beyond recognition'.length);
    const index = attached.annotations.findIndex((a) => a.id === target.id);
    assert.equal(attached.anchors[index]?.state, 'anchored');
    assert.equal(attached.annotations[index]?.quote.exact, 'words rewritten beyond recognition');
    assert.equal(attached.annotations[index]?.comment, target.comment);
    assert.deepEqual(attached.annotations[index]?.codes, target.codes);
  });
});
