import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportFile } from '../../../electron/export/export-file.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';

test('a note as Markdown for use outside Carnet: each citation its words and an APA in-text reference, the references at the end, no carnet:// left', async () => {
  await inSampleVault(async (vault) => {
    const file = await exportFile(vault, 'note-markdown', { noteIds: ['sample-timeline'] });
    assert.equal(file.fileName, 'COMMIT-a-working-timeline.md');
    assert.ok(file.text.startsWith('# COMMIT — a working timeline\n'));
    assert.ok(!file.text.includes('carnet://'));
    assert.match(file.text, /« launched it in 2004 to work together against human trafficking across their shared borders » \(Carnet team, 2025\)\./);
    assert.match(file.text, /\n## References\n\nCarnet team\. \(2025, November 20\)\. COMMIT: six countries/);
    const fr = await exportFile(vault, 'note-markdown', { noteIds: ['sample-timeline'], language: 'fr' });
    assert.match(fr.text, /\n## Références\n/);
  });
});

test('a note as one HTML file: the same text, its styles inside, no script or web image even when the note holds some', async () => {
  await inSampleVault(async (vault) => {
    const note = await vault.createNote('Hostile', 'Texte.\n\n<script>alert(1)</script>\n\n<img src="https://example.org/track.png" onerror="alert(2)">\n\n[« six »](carnet://source/sample-commit-overview#sample-commit-overview-a1)\n');
    const file = await exportFile(vault, 'note-html', { noteIds: [note.id] });
    assert.equal(file.mediaType, 'text/html');
    assert.match(file.text, /^<!doctype html>/);
    assert.match(file.text, /<style>[\s\S]*<\/style>/);
    assert.match(file.text, /default-src 'none'/);
    assert.ok(!/<script|onerror|<img|https:\/\/example\.org/.test(file.text), file.text);
    assert.match(file.text, /« six » \(Carnet team, 2025\)/);
  });
});

test('a source’s title in an in-text reference stays words: Markdown in it makes no link in the exported note', async () => {
  await inSampleVault(async (vault) => {
    const source = vault.getSource('sample-imm4-phnom-penh');
    await vault.updateSourceMeta(source.id, { title: 'Read [here](https://evil.example) *now*', authors: [], publisher: source.publisher }, source.revision);
    const note = await vault.createNote('Quoting', '[« IMM4 »](carnet://source/sample-imm4-phnom-penh#sample-imm4-phnom-penh-a1)\n');
    const file = await exportFile(vault, 'note-html', { noteIds: [note.id] });
    // No link under other words: an address shows itself, as any bare address in a note does.
    assert.ok(!/<a [^>]*>here<\/a>/.test(file.text) && !/<em>now<\/em>/.test(file.text), file.text);
    assert.match(file.text, /Read \[here\]/);
  });
});
