import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';

const SOURCE = 'sample-commit-overview';
const PASSAGE = 'sample-commit-overview-a1';

test('quoting a passage at the end of a note: the note keeps what it had, gains the blockquote and its citation, and the citation verifies', async () => {
  await inSampleVault(async (vault) => {
    const note = await vault.createNote('Brouillon', 'Mes premières idées.\n');
    const saved = await vault.quoteInNote(SOURCE, PASSAGE, { noteId: note.id });
    assert.ok(saved.body.startsWith('Mes premières idées.\n\n> launched it in 2004 to work together against human trafficking across their shared borders\n>\n> — [« '));
    assert.match(saved.body, /\]\(carnet:\/\/source\/sample-commit-overview#sample-commit-overview-a1\) — \*COMMIT: six countries against human trafficking since 2004\*/);
    assert.match(saved.body, /\n\nThe founding date: 2004, six countries\.\n$/, 'the annotation’s comment follows');
    assert.deepEqual(vault.listCitations({ noteId: note.id }).map((c) => [c.state, c.quoted]), [['verified', 'launched it in 2004 to work together against human trafficking across their shared borders']]);
    assert.equal((await vault.listNoteHistory(note.id)).length, 1, 'an ordinary save: the version before is in the history');
  });
});

test('into a new note, titled after the source unless told; with the vault’s own template', async () => {
  await inSampleVault(async (vault) => {
    const created = await vault.quoteInNote(SOURCE, PASSAGE, {});
    assert.equal(created.title, 'COMMIT: six countries against human trafficking since 2004');
    await vault.updateVaultSettings({ quoteTemplate: '- {{passage}} {{citation}} ({{codes}})' });
    const named = await vault.quoteInNote(SOURCE, PASSAGE, { title: 'Dates clés' });
    assert.equal(named.title, 'Dates clés');
    assert.match(named.body, /^- launched it in 2004 .* \[« launched it in 2004 to work together… »\]\(carnet:\/\/source\/sample-commit-overview#sample-commit-overview-a1\) .* \(Regional cooperation\)\n$/);
    assert.equal(vault.listCitations({ noteId: named.id })[0]?.state, 'verified', 'its link text quotes the passage, shortened with an ellipsis');
    const manifest = JSON.parse(await fs.readFile(path.join(vault.root, 'carnet.json'), 'utf8')) as { settings: { quoteTemplate?: string; highlightColors?: unknown } };
    assert.equal(manifest.settings.quoteTemplate, '- {{passage}} {{citation}} ({{codes}})');
    assert.equal(vault.previewQuoteTemplate('{{title}} — {{codes}}\n{{page}}', 'fr'), 'Hà Nội accueille la sixième conférence ministérielle — Coopération régionale\n3', 'the dialog’s preview: an example passage in the user’s language');
    await vault.updateVaultSettings({ quoteTemplate: '' });
    assert.equal((await vault.getVaultSettings()).quoteTemplate.startsWith('> {{passage}}'), true, 'emptied: back to the default, not written');
  });
});

test('a passage whose place is lost is not quoted, and nothing is written', async () => {
  await inSampleVault(async (vault) => {
    await vault.resolveAnchor(SOURCE, PASSAGE, 'detach');
    const note = await vault.createNote('Brouillon', 'Texte.\n');
    await assert.rejects(vault.quoteInNote(SOURCE, PASSAGE, { noteId: note.id }), (error: unknown) => error instanceof CarnetError && /attach it to its words/.test(error.text.en));
    assert.equal(vault.getNote(note.id).body, 'Texte.\n');
  });
});
