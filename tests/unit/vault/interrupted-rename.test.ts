import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const CRASHER = path.join(import.meta.dirname, 'rename-crasher.ts');

/** Runs the rename in a child killed at `step`; answers whether the kill came (rather than a normal exit). */
function renameKilledAt(root: string, noteId: string, title: string, step: number): Promise<boolean> {
  const child = fork(CRASHER, [root, noteId, title, String(step)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal === 'SIGKILL')));
}

const A = 'See [[Hà Nội]], twice: [[ha noi|here]].\n';
const B = '---\nid: b\ntitle: B\ntags: []\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\nkept: yes\n---\nSee [the note](ha-noi.md#x) and `[[Hà Nội]]` in code.\n';

async function vaultToRename(): Promise<{ root: string; targetId: string; a: string; remove: () => Promise<void> }> {
  const temp = await tempDir();
  const root = path.join(temp.dir, 'vault');
  const vault = await Vault.create(root);
  const target = await vault.createNote('Hà Nội', 'The capital.\n');
  const a = await vault.createNote('A', A);
  await fs.writeFile(path.join(root, 'notes', 'b.md'), B);
  await vault.close();
  return { root, targetId: target.id, a: a.path, remove: temp.remove };
}

// Steps: 0 the record (the commit point), 1 the renamed note's new file, 2 and 3 the two linking notes, 4 the old file's removal.
for (const step of [0, 1, 2, 3, 4]) {
  test(`a rename killed at step ${step} is ${step === 0 ? 'rolled back' : 'finished'} when the vault opens again`, async () => {
    const { root, targetId, a, remove } = await vaultToRename();
    try {
      const aBefore = await fs.readFile(path.join(root, a), 'utf8');
      assert.equal(await renameKilledAt(root, targetId, 'Hanoi 2026', step), true, 'the child was killed mid-rename');
      const vault = await Vault.open(root, { watch: false });
      try {
        assert.deepEqual(vault.problems(), [], 'no duplicate id, nothing unreadable');
        assert.deepEqual(await fs.readdir(path.join(root, '.carnet', 'pending')), [], 'nothing left recorded or staged');
        const names = (await fs.readdir(path.join(root, 'notes'))).sort();
        const note = vault.getNote(targetId);
        if (step === 0) {
          assert.deepEqual(names, ['a.md', 'b.md', 'ha-noi.md']);
          assert.equal(note.title, 'Hà Nội');
          assert.equal(await fs.readFile(path.join(root, a), 'utf8'), aBefore);
          assert.equal(await fs.readFile(path.join(root, 'notes', 'b.md'), 'utf8'), B);
        } else {
          assert.deepEqual(names, ['a.md', 'b.md', 'hanoi-2026.md']);
          assert.equal(note.title, 'Hanoi 2026');
          assert.equal(note.body, 'The capital.\n');
          assert.equal(await fs.readFile(path.join(root, a), 'utf8'), aBefore.replace(A, 'See [[Hanoi 2026]], twice: [[Hanoi 2026|here]].\n'));
          assert.equal(await fs.readFile(path.join(root, 'notes', 'b.md'), 'utf8'), B.replace('(ha-noi.md#x)', '(hanoi-2026.md#x)'));
        }
      } finally {
        await vault.close();
      }
    } finally {
      await remove();
    }
  });
}

test('a rename that fails while running (the disk fills up at the last linking note) puts everything back', async () => {
  const { root, targetId, a, remove } = await vaultToRename();
  const vault = await Vault.open(root, { watch: false });
  const { rename } = fs;
  try {
    const note = vault.getNote(targetId);
    const aBefore = await fs.readFile(path.join(root, a), 'utf8');
    // The new note file and a.md are in when b.md cannot be replaced.
    fs.rename = ((from: string, to: string) =>
      to === path.join(root, 'notes', 'b.md') ? Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })) : rename(from, to)) as typeof rename;
    await assert.rejects(vault.saveNote(targetId, { title: 'Hanoi 2026', body: note.body, tags: [] }, note.revision), /disk is full/i);
    fs.rename = rename;
    assert.deepEqual((await fs.readdir(path.join(root, 'notes'))).sort(), ['a.md', 'b.md', 'ha-noi.md']);
    assert.equal(await fs.readFile(path.join(root, a), 'utf8'), aBefore);
    assert.equal(await fs.readFile(path.join(root, 'notes', 'b.md'), 'utf8'), B);
    assert.equal(vault.getNote(targetId).title, 'Hà Nội');
    assert.deepEqual(vault.problems(), []);
    assert.deepEqual(await fs.readdir(path.join(root, '.carnet', 'pending')), []);
  } finally {
    fs.rename = rename;
    await vault.close();
    await remove();
  }
});

test('a recorded rename naming files outside notes/ is dropped at open without writing anything', async () => {
  const { root, remove } = await vaultToRename();
  try {
    const id = '00000000-0000-4000-8000-000000000000';
    const pending = path.join(root, '.carnet', 'pending');
    await fs.mkdir(path.join(pending, id), { recursive: true });
    await fs.writeFile(path.join(pending, id, '0.md'), 'planted');
    const revision = '0123456789abcdef';
    await fs.writeFile(path.join(pending, `${id}.json`), JSON.stringify({ kind: 'file-set', writes: [{ path: '../outside.md', before: null, after: revision }], removes: [{ path: 'carnet.json', before: revision }] }));
    const vault = await Vault.open(root, { watch: false });
    await vault.close();
    assert.deepEqual(await fs.readdir(pending), []);
    await assert.rejects(fs.access(path.join(path.dirname(root), 'outside.md')));
    await fs.access(path.join(root, 'carnet.json'));
  } finally {
    await remove();
  }
});
