import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noteOutsideCarnet } from '../../../electron/export/note-outside.ts';
import { exportFile } from '../../../electron/export/export-file.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';

test('links to other notes become the words they show; code keeps them as written', () => {
  const body = 'See [[Welcome to Carnet]], [[Timeline#IMM6|the sixth meeting]], [[Timeline#IMM4]] and ![[Map]].\n\n`[[kept]]` and [the notes](other-note.md).\n';
  assert.equal(noteOutsideCarnet(body), 'See Welcome to Carnet, the sixth meeting, Timeline › IMM4 and Map.\n\n`[[kept]]` and the notes.\n');
});

test('a callout becomes a quote headed by its title, its text a paragraph of its own', () => {
  assert.equal(noteOutsideCarnet('> [!tip] Edit anywhere\n> You can edit the files.\n'), '> **Edit anywhere**\n>\n> You can edit the files.\n');
  assert.equal(noteOutsideCarnet('> [!WARNING]-\n> Careful.\n'), '> **Warning**\n>\n> Careful.\n');
});

test('the sample vault’s welcome note exported as HTML: no [[…]] and no [!tip] left', async () => {
  await inSampleVault(async (vault) => {
    const welcome = vault.listNotes().find((note) => note.title === 'Welcome to Carnet')!;
    const file = await exportFile(vault, 'note-html', { noteIds: [welcome.id] });
    assert.ok(!file.text?.includes('[[COMMIT — a working timeline]]') && !file.text?.includes('[!tip]'), file.text);
    assert.match(file.text ?? '', /<strong>Edit anywhere<\/strong>/);
    assert.match(file.text ?? '', /COMMIT — a working timeline is one/);
  });
});

test('a callout inside a code block, and a note link inside another link, are left as written', () => {
  assert.equal(noteOutsideCarnet('```\n> [!note] in code\n```\n'), '```\n> [!note] in code\n```\n');
  assert.equal(noteOutsideCarnet('[see [[A]] inside](other.md)\n'), 'see [[A]] inside\n');
});
