import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { cli } from '../../helpers/run-cli.ts';
import { Vault } from '../../../electron/vault/vault.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function vaultWithNotes(): Promise<{ root: string; remove: () => Promise<void> }> {
  const { dir, remove } = await tempDir();
  const root = path.join(dir, 'v');
  const vault = await Vault.create(root);
  await vault.createNote('Mekong field notes', 'See [[Hà Nội]].\n', ['Mékong', 'terrain']);
  await vault.createNote('Hà Nội', 'The capital.\n', ['mekong']);
  await vault.createNote('Budget', 'Numbers.\n', ['admin']);
  await vault.close();
  return { root, remove };
}

test('carnet notes lists notes by title, filters by tag (with or without #, case and accents aside), in text and JSON', async () => {
  const { root, remove } = await vaultWithNotes();
  try {
    const all = await cli('notes', '--vault', root);
    assert.equal(all.code, 0);
    assert.match(all.out, /^3 notes:\n {2}Budget {2}#admin — updated \d{4}-\d{2}-\d{2} \d{2}:\d{2} — notes\/budget\.md\n {2}Hà Nội {2}#mekong — /);
    const tagged = await cli('notes', '--vault', root, '--tag', '#MEKONG', '--json');
    assert.equal(tagged.code, 0);
    const notes = JSON.parse(tagged.out) as { title: string; tags: string[]; updated: string; path: string }[];
    assert.deepEqual(notes.map((n) => [n.title, n.path]), [['Hà Nội', 'notes/ha-noi.md'], ['Mekong field notes', 'notes/mekong-field-notes.md']]);
    assert.deepEqual(notes[1]?.tags, ['Mékong', 'terrain']);
    assert.ok(notes.every((n) => !Number.isNaN(Date.parse(n.updated))));
    const none = await cli('notes', '--vault', root, '--tag', 'nothing');
    assert.equal(none.out, 'No notes tagged #nothing.');
    assert.equal((await cli('notes', '--vault', root, '--tag', '#')).code, 2);
    assert.match((await cli('--help')).out, /notes --vault DIR/);
  } finally {
    await remove();
  }
});

test('carnet check names the note, the line and the missing target of a link to no note, and exits 1', async () => {
  const { root, remove } = await vaultWithNotes();
  try {
    assert.equal((await cli('check', '--vault', root)).code, 0, 'every link leads to a note');
    const file = path.join(root, 'notes', 'budget.md');
    // Lines 1–8 are the front matter, 9 the body's first line: the links go on line 10.
    await fs.appendFile(file, 'Ask [[Finance office]]; see ![[chart.png]] and [the plan](plan-2027.md).\n```\n[[Not checked]]\n```\n');
    const check = await cli('check', '--vault', root, '--json');
    assert.equal(check.code, 1);
    const report = JSON.parse(check.out) as { problems: { path: string; line?: number; message: string }[] };
    assert.deepEqual(report.problems.map((p) => [p.path, p.line]), [['notes/budget.md', 10], ['notes/budget.md', 10]]);
    assert.match(report.problems[0]?.message ?? '', /^Line 10 links to "Finance office", but no note has that title/);
    assert.match(report.problems[1]?.message ?? '', /links to "plan-2027"/);
    const text = await cli('check', '--vault', root);
    assert.match(text.out, /2 problems:\n {2}notes\/budget\.md:10: Line 10 links to "Finance office"/);
  } finally {
    await remove();
  }
});
