import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import type { VaultChange } from '../../../electron/vault/vault-records.ts';
import { sampleVaultCopy } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';

const WELCOME = 'notes/welcome-to-carnet.md';

async function openSample() {
  const copy = await sampleVaultCopy();
  const vault = await Vault.open(copy.dir);
  const changes: VaultChange[] = [];
  vault.onChange((batch) => changes.push(...batch));
  return { vault, changes, root: copy.dir, close: async () => (await vault.close(), await copy.remove()) };
}

test('a note edited by hand in another editor is reloaded and reported', async () => {
  const { vault, changes, root, close } = await openSample();
  try {
    const file = path.join(root, WELCOME);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('Carnet is a notebook', 'Carnet, edited in vim, is a notebook'));
    await waitFor(() => changes.some((c) => c.kind === 'note' && c.id === 'sample-welcome' && c.change === 'updated'), 'the change event');
    assert.match(vault.getNote('sample-welcome').body, /edited in vim/);
  } finally {
    await close();
  }
});

test('a file with broken front matter is reported, left byte-identical, and taken back once fixed', async () => {
  const { vault, root, close } = await openSample();
  try {
    const file = path.join(root, WELCOME);
    const good = await fs.readFile(file);
    const broken = Buffer.from(good.toString('utf8').replace('title: Welcome to Carnet', 'title: [unclosed'));
    await fs.writeFile(file, broken);
    const problem = await waitFor(() => vault.problems().find((p) => p.path === WELCOME), 'the problem report');
    assert.match(problem.message.en, /not valid YAML/);
    assert.match(problem.message.fr, /n’est pas du YAML valide/);
    assert.throws(() => vault.getNote('sample-welcome'), /No note with id/);
    assert.deepEqual(await fs.readFile(file), broken, 'Carnet must not touch a file it cannot read');
    assert.equal(vault.info().counts.problems, 1);

    await fs.writeFile(file, good);
    await waitFor(() => vault.problems().length === 0, 'the problem to clear');
    assert.equal(vault.getNote('sample-welcome').title, 'Welcome to Carnet');
  } finally {
    await close();
  }
});

test('a note deleted by hand disappears; one added by hand appears', async () => {
  const { vault, root, close } = await openSample();
  try {
    await fs.rm(path.join(root, 'notes', 'commit-timeline.md'));
    await waitFor(() => !vault.listNotes().some((n) => n.id === 'sample-timeline'), 'the deleted note to go');
    await fs.writeFile(
      path.join(root, 'notes', 'from-sync.md'),
      '---\nid: from-sync\ntitle: Arrived by sync\ntags: []\ncreated: 2026-11-20T10:00:00Z\nupdated: 2026-11-20T10:00:00Z\n---\nHello from another laptop.\n',
    );
    await waitFor(() => vault.listNotes().some((n) => n.id === 'from-sync'), 'the new note');
    assert.equal(vault.getNote('from-sync').body, 'Hello from another laptop.\n');
  } finally {
    await close();
  }
});

test('our own saves do not come back as outside changes', async () => {
  const { vault, changes, close } = await openSample();
  try {
    const note = vault.getNote('sample-welcome');
    await vault.saveNote(note.id, { title: note.title, body: `${note.body}More.\n`, tags: note.tags }, note.revision);
    const afterSave = changes.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(changes.length, afterSave, 'the watcher should recognise our own write');
  } finally {
    await close();
  }
});
