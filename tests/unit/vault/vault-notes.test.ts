import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';

test('notes are written as Markdown with front matter, under a readable file name', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const note = await vault.createNote('Hà Nội : réunion IMM6', 'Première ligne.\n', ['mékong']);
    const again = await vault.createNote('Hà Nội : réunion IMM6');
    assert.equal(note.path, 'notes/ha-noi-reunion-imm6.md');
    assert.equal(again.path, 'notes/ha-noi-reunion-imm6-2.md', 'a second note with the same title gets its own file');
    const text = await fs.readFile(path.join(vault.root, note.path), 'utf8');
    assert.match(text, /^---\nid: [0-9a-f-]{36}\ntitle: "Hà Nội : réunion IMM6"\ntags:\n {2}- mékong\ncreated: .+\nupdated: .+\n---\nPremière ligne\.\n$/);
    await vault.close();
    const reopened = await Vault.open(path.join(dir, 'v'), { watch: false });
    assert.deepEqual(reopened.getNote(note.id).tags, ['mékong']);
    await reopened.close();
  } finally {
    await remove();
  }
});

test('saving over a note changed on disk since it was read is refused and loses neither version', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    const note = vault.getNote('sample-welcome');
    const file = path.join(dir, note.path);
    const theirs = (await fs.readFile(file, 'utf8')).replace('Carnet is a notebook', 'Synced from my other laptop. Carnet is a notebook');
    await fs.writeFile(file, theirs);
    await assert.rejects(
      vault.saveNote(note.id, { title: note.title, body: 'My edit\n', tags: [] }, note.revision),
      (error: unknown) => error instanceof CarnetError && error.code === 'conflict' && /changed outside this window/.test(error.message),
    );
    assert.equal(await fs.readFile(file, 'utf8'), theirs, 'their version stays on disk');
    assert.match(vault.getNote(note.id).body, /Synced from my other laptop/, 'and is loaded');
  } finally {
    await vault.close();
    await remove();
  }
});

test('saving never overwrites a note file that cannot be read', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    const note = vault.getNote('sample-timeline');
    const file = path.join(dir, note.path);
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]);
    await fs.writeFile(file, garbage);
    await assert.rejects(vault.saveNote(note.id, { title: 'x', body: 'y\n', tags: [] }, note.revision), /never overwrites what it cannot read/);
    assert.deepEqual(await fs.readFile(file), garbage);
  } finally {
    await vault.close();
    await remove();
  }
});

test('deleting moves a source with its original and annotations to the trash; restoring puts them back', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    const source = vault.getSource('sample-commit-overview');
    const files = [source.path, source.original as string, vault.annotationFilePath(source.id)];
    const before = await Promise.all(files.map((f) => fs.readFile(path.join(dir, f))));
    const entry = await vault.deleteItem('source', source.id);
    assert.deepEqual(entry.files, files);
    for (const f of files) await assert.rejects(fs.access(path.join(dir, f)), `${f} should have left the vault`);
    assert.equal(vault.listSources().length, 2);
    assert.equal((await vault.listTrash()).length, 1);

    await vault.restore(entry.id);
    assert.deepEqual(await Promise.all(files.map((f) => fs.readFile(path.join(dir, f)))), before, 'restored byte for byte');
    assert.equal(vault.listAnnotations(source.id).annotations.length, 3);
    assert.equal((await vault.listTrash()).length, 0);
  } finally {
    await vault.close();
    await remove();
  }
});

test('restoring refuses to replace a file that took the deleted one’s place', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    const entry = await vault.deleteItem('note', 'sample-timeline');
    const file = path.join(dir, 'notes', 'commit-timeline.md');
    await fs.writeFile(file, 'a new file with the same name');
    await assert.rejects(vault.restore(entry.id), /exists again in the vault/);
    assert.equal(await fs.readFile(file, 'utf8'), 'a new file with the same name');
    assert.equal((await vault.listTrash()).length, 1, 'the entry stays in the trash');
  } finally {
    await vault.close();
    await remove();
  }
});

test('annotations and the codebook save with the same conflict check as notes', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    const list = vault.listAnnotations('sample-imm4-phnom-penh');
    const first = list.annotations[0];
    assert.ok(first);
    const saved = await vault.saveAnnotations(list.sourceId, [{ ...first, comment: 'Vérifié.' }], list.revision);
    assert.equal(saved.annotations[0]?.comment, 'Vérifié.');
    await assert.rejects(vault.saveAnnotations(list.sourceId, [], list.revision), /changed outside this window/);
    const book = vault.codebook();
    await vault.saveCodebook({ codes: [...book.codes, { id: 'code-new', name: 'Nouveau', color: '#123456', description: '' }] }, book.revision);
    assert.equal(vault.listCodes().length, 5);
    assert.equal(vault.passagesWithCode('code-meetings').length, 2);
  } finally {
    await vault.close();
    await remove();
  }
});

test('choosing my version over one changed on disk keeps the other version in the trash', async () => {
  const { dir, remove } = await sampleVaultCopy();
  const vault = await Vault.open(dir, { watch: false });
  try {
    const note = vault.getNote('sample-welcome');
    const file = path.join(dir, note.path);
    const theirs = (await fs.readFile(file, 'utf8')).replace('Carnet is a notebook', 'Theirs. Carnet is a notebook');
    await fs.writeFile(file, theirs);
    await assert.rejects(vault.saveNote(note.id, { title: note.title, body: 'Mine\n', tags: [] }, note.revision), /changed outside/);
    const saved = await vault.saveNote(note.id, { title: note.title, body: 'Mine\n', tags: [] }, note.revision, true);
    assert.equal(saved.body, 'Mine\n');
    const [entry] = await vault.listTrash();
    assert.match(entry?.title ?? '', /^Welcome to Carnet \(the version replaced on /);
    assert.equal(await fs.readFile(path.join(dir, '.carnet', 'trash', entry?.id ?? '', 'files', note.path), 'utf8'), theirs);
  } finally {
    await vault.close();
    await remove();
  }
});

test('keys Carnet does not know (Obsidian aliases, a status) survive saving a note and correcting a source, in their place', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const note = await vault.createNote('Field notes', 'Text.\n');
    const file = path.join(vault.root, note.path);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(/^title: .*$/m, (line) => `${line}\naliases:\n  - terrain\nstatus: draft`));
    await vault.reload([note.path]);
    const read = vault.getNote(note.id);
    const renamed = await vault.saveNote(note.id, { title: 'Field notes, Hà Nội', body: 'Text, edited.\n', tags: ['mékong'] }, read.revision);
    // The new title renamed the file; its front matter came along.
    assert.equal(renamed.path, 'notes/field-notes-ha-noi.md');
    const saved = await fs.readFile(path.join(vault.root, renamed.path), 'utf8');
    assert.match(saved, /^---\nid: .+\ntitle: "?Field notes, Hà Nội"?\naliases:\n {2}- terrain\nstatus: draft\ntags:\n {2}- mékong\n/);
    const source = await vault.addSource({ title: 'Article', authors: [] }, 'Body.\n');
    const sourceFile = path.join(vault.root, source.path);
    await fs.writeFile(sourceFile, (await fs.readFile(sourceFile, 'utf8')).replace(/^---\n/, '---\nzotero-key: ABCD1234\n'));
    await vault.reload([source.path]);
    await vault.updateSourceMeta(source.id, { title: 'Article, corrected', authors: ['Lê Văn A'] }, vault.getSource(source.id).revision);
    assert.match(await fs.readFile(sourceFile, 'utf8'), /^---\nzotero-key: ABCD1234\nid: /);
    await vault.close();
  } finally {
    await remove();
  }
});

test('saving a note the user did not change writes nothing: same bytes, same date, same revision', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const note = await vault.createNote('Unchanged', 'Hand-written   spacing\\, kept.\n', ['a', 'b']);
    const file = path.join(vault.root, note.path);
    // A hand edit in the front matter's formatting that Carnet would write differently.
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('title: Unchanged', "title: 'Unchanged'"));
    await vault.reload([note.path]);
    const read = vault.getNote(note.id);
    const before = await fs.readFile(file);
    const stat = await fs.stat(file);
    const saved = await vault.saveNote(note.id, { title: 'Unchanged', body: read.body, tags: ['a', 'b'] }, read.revision);
    assert.deepEqual(await fs.readFile(file), before);
    assert.equal((await fs.stat(file)).mtimeMs, stat.mtimeMs);
    assert.equal(saved.revision, read.revision);
    assert.equal(saved.updated, read.updated);
    await vault.close();
  } finally {
    await remove();
  }
});
