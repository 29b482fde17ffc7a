import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { NoteHistory } from '../../../electron/vault/note-history.ts';
import { VaultCore } from '../../../electron/vault/vault-core.ts';
import { VaultIndex } from '../../../electron/vault/vault-index.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

test('each save keeps the version it replaces, byte for byte, newest first; an unchanged save keeps nothing', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const note = await vault.createNote('Journal', 'Première version, à Hà Nội.\n');
    const file = path.join(vault.root, note.path);
    const first = await fs.readFile(file, 'utf8');
    let current = vault.getNote(note.id);
    current = await vault.saveNote(note.id, { title: 'Journal', body: 'Deuxième version.\n', tags: [] }, current.revision);
    const second = await fs.readFile(file, 'utf8');
    current = await vault.saveNote(note.id, { title: 'Journal, renamed', body: 'Troisième version.\n', tags: ['terrain'] }, current.revision);
    await vault.saveNote(note.id, { title: 'Journal, renamed', body: 'Troisième version.\n', tags: ['terrain'] }, current.revision);
    const versions = await vault.listNoteHistory(note.id);
    assert.equal(versions.length, 2, 'two saves replaced two versions; the unchanged save kept none');
    const [newest, oldest] = versions;
    assert.ok(newest && oldest && newest.saved >= oldest.saved);
    const older = await vault.getNoteVersion(note.id, oldest!.version);
    assert.equal(older.text, first);
    assert.equal(older.body, 'Première version, à Hà Nội.\n');
    assert.equal(older.title, 'Journal');
    assert.equal((await vault.getNoteVersion(note.id, newest!.version)).text, second);
    await assert.rejects(vault.getNoteVersion(note.id, '2020-01-01T00-00-00-000Z'), (error: unknown) => error instanceof CarnetError && error.code === 'not-found' && /élaguée/.test(error.text.fr));
    await vault.close();
  } finally {
    await remove();
  }
});

test('history is bounded: the last 50 versions, plus the newest of each day for a month', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const note = await vault.createNote('Long-lived', 'x\n');
    const history = new NoteHistory(new VaultCore(vault.root, new VaultIndex(vault.root), null));
    const now = Date.parse('2026-11-25T12:00:00Z');
    // 40 days with three saves each, then 60 saves today.
    for (let day = 40; day >= 1; day--) for (const hour of [8, 12, 18]) await history.keep(note.id, `day ${day} at ${hour}\n`, new Date(now - day * 86_400_000 + (hour - 12) * 3_600_000));
    for (let i = 0; i < 60; i++) await history.keep(note.id, `today ${i}\n`, new Date(now + i * 1000));
    // A temporary file a crash left in the folder goes at the next version kept there.
    const folder = path.join(vault.root, '.carnet', 'history', note.id);
    await fs.writeFile(path.join(folder, 'x.md.carnet-tmp-0a1b2c3d4e5f'), 'half');
    await history.keep(note.id, 'today 59\n', new Date(now + 59_000));
    assert.ok(!(await fs.readdir(folder)).some((name) => name.includes('carnet-tmp')));
    const versions = await history.list(note.id);
    const days = new Set(versions.map((v) => v.saved.slice(0, 10)));
    assert.ok(versions.length >= 50 && versions.length <= 50 + 30, `${versions.length} versions kept`);
    assert.equal((await history.get(note.id, versions[0]!.version)).text, 'today 59\n');
    assert.ok(!days.has(new Date(now - 40 * 86_400_000).toISOString().slice(0, 10)), 'a version older than a month is gone');
    assert.ok(days.has(new Date(now - 20 * 86_400_000).toISOString().slice(0, 10)), 'one version a day is kept for the last month');
    const perDay = versions.filter((v) => v.saved.startsWith(new Date(now - 20 * 86_400_000).toISOString().slice(0, 10)));
    assert.equal(perDay.length, 1);
    assert.equal((await history.get(note.id, perDay[0]!.version)).text, 'day 20 at 18\n', 'the newest of that day');
    await vault.close();
  } finally {
    await remove();
  }
});

test('a note written with a byte-order mark keeps it in its history', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const note = await vault.createNote('With BOM', 'Text.\n');
    const file = path.join(vault.root, note.path);
    const withBom = `\uFEFF${await fs.readFile(file, 'utf8')}`;
    await fs.writeFile(file, withBom);
    await vault.reload([note.path]);
    await vault.saveNote(note.id, { title: 'With BOM', body: 'Changed.\n', tags: [] }, vault.getNote(note.id).revision);
    const [version] = await vault.listNoteHistory(note.id);
    assert.equal((await vault.getNoteVersion(note.id, version!.version)).text, withBom);
    await vault.close();
  } finally {
    await remove();
  }
});

test('a save that fails (a full disk) leaves no version behind: the note still holds those bytes', async () => {
  const { dir, remove } = await tempDir();
  const vault = await Vault.create(path.join(dir, 'v'));
  try {
    const note = await vault.createNote('Terrain', 'La première version.\n');
    const file = path.join(vault.root, note.path);
    const before = await fs.readFile(file, 'utf8');
    // The write itself fails as on a full disk; keeping the version before it succeeded.
    const core = (vault as unknown as { core: VaultCore }).core;
    const write = core.writeTracked.bind(core);
    core.writeTracked = async () => {
      throw new CarnetError('disk-full', { en: 'The disk is full: nothing was changed.', fr: 'Le disque est plein : rien n’a été modifié.' });
    };
    await assert.rejects(vault.saveNote(note.id, { title: 'Terrain', body: 'Une version qui ne tient pas.\n', tags: [] }, note.revision), /disk is full/);
    core.writeTracked = write;
    assert.equal(await fs.readFile(file, 'utf8'), before);
    assert.deepEqual(await vault.listNoteHistory(note.id), [], 'no copy of the unchanged note was left in its history');
    await vault.saveNote(note.id, { title: 'Terrain', body: 'La deuxième version.\n', tags: [] }, note.revision);
    assert.equal((await vault.listNoteHistory(note.id)).length, 1, 'the next save that succeeds keeps the version it replaces');
  } finally {
    await vault.close();
    await remove();
  }
});
