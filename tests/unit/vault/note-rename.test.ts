import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { VaultChange } from '../../../electron/vault/vault-records.ts';
import { inNewVault } from '../../helpers/test-vault.ts';

/** A note file written by hand: odd spacing, an unknown key, CRLF, all of which must survive a rewrite. */
const LINKING = [
  '---\r\nid: linking\r\ntitle:   Trip report\r\nstatus: draft   # mine\r\ntags: []\r\ncreated: 2026-01-01T00:00:00Z\r\nupdated: 2026-01-01T00:00:00Z\r\n---\r\n',
  'We met in [[Hà Nội]] and [[ha noi#Food|ate well]]; see ![[Hà Nội]].\r\n',
  'Also [the file](ha-noi.md#top), [rooted](notes/ha-noi.md) and [up](../notes/ha-noi.md "t").\r\n',
  'By alias: [[Thăng Long]]. In code: `[[Hà Nội]]`.\r\n',
  '```\r\n[[Hà Nội]]\r\n```\r\n',
].join('');

test('a new title renames the file and rewrites only the links to it in other notes, history first', async () => {
  await inNewVault(async (vault) => {
    const target = await vault.createNote('Hà Nội', 'The capital.\n');
    const file = path.join(vault.root, 'notes', 'ha-noi.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('tags: []', 'aliases:\n  - Thăng Long\ntags: []'));
    await fs.writeFile(path.join(vault.root, 'notes', 'trip-report.md'), LINKING);
    const unrelated = '---\nid: unrelated\ntitle: Elsewhere\ntags: []\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\n---\nNo link here.\n';
    await fs.writeFile(path.join(vault.root, 'notes', 'elsewhere.md'), unrelated);
    await vault.reload(['notes/ha-noi.md', 'notes/trip-report.md', 'notes/elsewhere.md']);
    const changes: VaultChange[] = [];
    vault.onChange((batch) => changes.push(...batch));

    const before = vault.getNote(target.id);
    const saved = await vault.saveNote(target.id, { title: 'Hanoi [capital]', body: before.body, tags: [] }, before.revision);
    assert.equal(saved.id, target.id, 'the id never changes');
    assert.equal(saved.path, 'notes/hanoi-capital.md');
    assert.deepEqual((await fs.readdir(path.join(vault.root, 'notes'))).sort(), ['elsewhere.md', 'hanoi-capital.md', 'trip-report.md']);
    // "[" and "]" cannot stand in a wiki link's title: the link names the file instead.
    const expected = LINKING.replace('[[Hà Nội]] and [[ha noi#Food', '[[hanoi-capital]] and [[hanoi-capital#Food')
      .replace('![[Hà Nội]]', '![[hanoi-capital]]')
      .replace('(ha-noi.md#top), [rooted](notes/ha-noi.md) and [up](../notes/ha-noi.md "t")', '(hanoi-capital.md#top), [rooted](notes/hanoi-capital.md) and [up](../notes/hanoi-capital.md "t")');
    assert.equal(await fs.readFile(path.join(vault.root, 'notes', 'trip-report.md'), 'utf8'), expected, 'only the links changed; the alias link and code stay');
    assert.equal(await fs.readFile(path.join(vault.root, 'notes', 'elsewhere.md'), 'utf8'), unrelated);
    const [kept] = await vault.listNoteHistory('linking');
    assert.equal((await vault.getNoteVersion('linking', kept!.version)).text, LINKING, 'the rewritten note’s previous version is in its history');
    assert.deepEqual(changes.filter((c) => c.id === target.id), [{ kind: 'note', id: target.id, change: 'updated' }], 'one update, not a removal and an addition');
    assert.deepEqual(vault.noteLinks(target.id).backlinks.map((b) => b.line), [9, 10, 11]);
    assert.deepEqual(vault.problems(), []);
    assert.deepEqual(await fs.readdir(path.join(vault.root, '.carnet', 'pending')), []);
  });
});

test('a title changed back and forth keeps its links, its id and its history; a free slug is never one in use', async () => {
  await inNewVault(async (vault) => {
    const note = await vault.createNote('Draft', 'Text.\n');
    const other = await vault.createNote('Index', 'See [[Draft]] and [draft](draft.md).\n');
    // Another note holds the file name the title would give.
    await fs.writeFile(path.join(vault.root, 'notes', 'final.md'), '---\nid: other-final\ntitle: Finished work\ntags: []\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\n---\n');
    await vault.reload(['notes/final.md']);
    // A file that cannot be read still holds its name.
    await fs.writeFile(path.join(vault.root, 'notes', 'final-2.md'), Buffer.from([0xff, 0xfe]));
    let current = vault.getNote(note.id);
    for (const title of ['Final', 'Draft', 'Final', 'Draft']) {
      current = await vault.saveNote(note.id, { title, body: current.body, tags: [] }, current.revision);
      assert.equal(current.path, title === 'Final' ? 'notes/final-3.md' : 'notes/draft.md');
      const expectedLink = title === 'Final' ? 'See [[Final]] and [draft](final-3.md).\n' : 'See [[Draft]] and [draft](draft.md).\n';
      assert.equal(vault.getNote(other.id).body, expectedLink);
    }
    assert.equal((await vault.listNoteHistory(note.id)).length, 4);
    assert.equal((await vault.listNoteHistory(other.id)).length, 4);
    // A title that gives the same file name renames nothing; links by title follow only if the title really changed.
    current = await vault.saveNote(note.id, { title: 'DRAFT', body: current.body, tags: [] }, current.revision);
    assert.equal(current.path, 'notes/draft.md');
    assert.equal(vault.getNote(other.id).body, 'See [[Draft]] and [draft](draft.md).\n', 'a change of case still resolves: not rewritten');
    current = await vault.saveNote(note.id, { title: 'Draft!', body: current.body, tags: [] }, current.revision);
    assert.equal(current.path, 'notes/draft.md');
    assert.equal(vault.getNote(other.id).body, 'See [[Draft!]] and [draft](draft.md).\n');
  });
});

test('a note changed by hand since it was loaded is rewritten from what its file holds now', async () => {
  await inNewVault(async (vault) => {
    const note = await vault.createNote('Old name', '');
    const other = await vault.createNote('Other', 'Link: [[Old name]].\n');
    const file = path.join(vault.root, other.path);
    await fs.appendFile(file, 'Added in another editor, [[Old name]] again.\n');
    await vault.saveNote(note.id, { title: 'New name', body: '', tags: [] }, note.revision);
    assert.match(await fs.readFile(file, 'utf8'), /Link: \[\[New name\]\]\.\nAdded in another editor, \[\[New name\]\] again\.\n$/);
  });
});
