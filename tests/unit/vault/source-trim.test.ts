import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { inNewVault, inSampleVault } from '../../helpers/test-vault.ts';
import type { Vault } from '../../../electron/vault/vault.ts';

const PARAGRAPHS = ['Home | World | Business | Sport', 'Ministers meet in Hanoi', 'The sixth ministerial meeting opened on Wednesday.', 'Delegates from six countries attended.', 'Related: Floods in the delta', 'Contact us | Privacy'];
const BODY = `${PARAGRAPHS.join('\n\n')}\n`;

async function uncertainSource(vault: Vault) {
  return vault.addSource({ title: 'Home | World', authors: [], extraction: 'uncertain' }, BODY, { bytes: new TextEncoder().encode(BODY), extension: 'txt' });
}

const startOf = (paragraph: string) => BODY.indexOf(paragraph);

test('a trim removes whole paragraphs, keeps the body it replaced, and can be undone or restored whole', async () => {
  await inNewVault(async (vault) => {
    const source = await uncertainSource(vault);
    const file = path.join(vault.root, source.path);
    const asImported = await fs.readFile(file, 'utf8');

    // From "Related" to the end.
    const first = await vault.trimSource(source.id, source.revision, startOf('Related'), BODY.length);
    assert.equal(first.removed, 2);
    assert.equal(first.source.body, `${PARAGRAPHS.slice(0, 4).join('\n\n')}\n`);
    assert.equal(first.source.extraction, 'uncertain', 'the flag stays until the user says the text is right');
    const history = path.join(vault.root, '.carnet', 'history', source.id);
    assert.equal(await fs.readFile(path.join(history, `${first.version}.md`), 'utf8'), asImported, 'the previous file is kept byte for byte');
    assert.equal(await fs.readFile(path.join(history, 'as-imported.md'), 'utf8'), asImported);

    // The menu row, the first paragraph.
    const second = await vault.trimSource(source.id, first.source.revision, 0, first.source.body.indexOf('Ministers'));
    assert.equal(second.removed, 1);
    assert.equal(second.source.body, `${PARAGRAPHS.slice(1, 4).join('\n\n')}\n`);
    // One paragraph in the middle.
    const middle = second.source.body.indexOf('The sixth');
    const third = await vault.trimSource(source.id, second.source.revision, middle, second.source.body.indexOf('Delegates'));
    assert.equal(third.source.body, 'Ministers meet in Hanoi\n\nDelegates from six countries attended.\n');
    assert.match(await fs.readFile(file, 'utf8'), /^---\n[\s\S]*extraction: uncertain\n---\nMinisters meet in Hanoi\n\nDelegates from six countries attended\.\n$/);

    // Undo the last trim: the body it replaced comes back.
    const undone = await vault.restoreSourceBody(source.id, third.source.revision, third.version);
    assert.equal(undone.body, second.source.body);
    // Restore the whole capture: the body as imported.
    const whole = await vault.restoreSourceBody(source.id, undone.revision);
    assert.equal(whole.body, BODY);
    assert.equal(await fs.readFile(file, 'utf8'), asImported);
    assert.equal(await fs.readFile(path.join(vault.root, 'sources', 'originals', `${source.slug}.txt`), 'utf8'), BODY, 'the original is never touched');

    // Done trimming: the flag goes, nothing else changes.
    const done = await vault.markExtractionChecked(source.id, whole.revision);
    assert.equal(done.extraction, undefined);
    assert.equal(done.body, BODY);
    assert.doesNotMatch(await fs.readFile(file, 'utf8'), /extraction/);
  });
});

test('a trim that is not whole paragraphs, or that would leave nothing, is refused in both languages', async () => {
  await inNewVault(async (vault) => {
    const source = await uncertainSource(vault);
    const refused = (fr: RegExp) => (error: unknown) => error instanceof CarnetError && error.code === 'invalid-input' && fr.test(error.text.fr) && error.text.en.length > 0;
    await assert.rejects(vault.trimSource(source.id, source.revision, 3, startOf('Ministers')), refused(/paragraphes entiers/));
    await assert.rejects(vault.trimSource(source.id, source.revision, 0, startOf('Ministers') + 2), refused(/paragraphes entiers/));
    await assert.rejects(vault.trimSource(source.id, source.revision, 0, BODY.length), refused(/tout son texte/));
    assert.equal(vault.getSource(source.id).body, BODY);
  });
});

test('a source with annotations is never trimmed: they point into its text', async () => {
  await inSampleVault(async (vault) => {
    const source = vault.getSource('sample-imm6-hanoi');
    assert.ok(source.annotationCount > 0);
    const before = await fs.readFile(path.join(vault.root, source.path), 'utf8');
    const second = source.body.search(/\n\s*\n/) + 2;
    const annotated = (error: unknown) => error instanceof CarnetError && error.code === 'conflict' && /annotations/.test(error.text.en) && /annotations/.test(error.text.fr);
    await assert.rejects(vault.trimSource(source.id, source.revision, 0, second), annotated);
    await assert.rejects(vault.restoreSourceBody(source.id, source.revision), annotated);
    assert.equal(await fs.readFile(path.join(vault.root, source.path), 'utf8'), before);
  });
});

test('a source changed on disk since the reader showed it is not trimmed over', async () => {
  await inNewVault(async (vault) => {
    const source = await uncertainSource(vault);
    const file = path.join(vault.root, source.path);
    const edited = (await fs.readFile(file, 'utf8')).replace('Delegates', 'Ministers and delegates');
    await fs.writeFile(file, edited);
    await assert.rejects(vault.trimSource(source.id, source.revision, 0, startOf('Ministers')), (error: unknown) => error instanceof CarnetError && error.code === 'conflict' && /modifié hors de cette fenêtre/.test(error.text.fr));
    await assert.rejects(vault.markExtractionChecked(source.id, source.revision), (error: unknown) => error instanceof CarnetError && error.code === 'conflict');
    assert.equal(await fs.readFile(file, 'utf8'), edited, 'the hand edit is left as it is');
  });
});

test('front-matter keys Carnet does not know are kept, in their place, through a trim and done', async () => {
  await inNewVault(async (vault) => {
    const source = await uncertainSource(vault);
    const file = path.join(vault.root, source.path);
    const text = (await fs.readFile(file, 'utf8')).replace(/^---\n/, '---\nstatus: to-read\naliases:\n  - Hanoi meeting\n');
    await fs.writeFile(file, text);
    await vault.reload([source.path]);
    const current = vault.getSource(source.id);
    const trimmed = await vault.trimSource(source.id, current.revision, 0, startOf('Ministers'));
    const done = await vault.markExtractionChecked(source.id, trimmed.source.revision);
    const written = await fs.readFile(file, 'utf8');
    assert.match(written, /^---\nstatus: to-read\naliases:\n {2}- Hanoi meeting\nid: /);
    assert.doesNotMatch(written, /extraction/);
    assert.equal(done.body, BODY.slice(startOf('Ministers')));
  });
});
