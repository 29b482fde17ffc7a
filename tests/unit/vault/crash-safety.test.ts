import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';
import { contentFor } from '../../helpers/crash-contents.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const WRITER = path.join(import.meta.dirname, '..', '..', 'helpers', 'crash-writer.ts');
const RUNS = Number(process.env.CARNET_CRASH_RUNS ?? 40);

/** Starts the writer, lets it write for a random 5–80 ms, then SIGKILLs it. */
async function killMidWrite(args: string[]): Promise<void> {
  const child = fork(WRITER, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 75));
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

test(`atomic write: a process killed mid-save leaves the old or the new file, never a mix (${RUNS} runs)`, async () => {
  const { dir, remove } = await tempDir();
  const file = path.join(dir, 'note.md');
  const initial = 'initial content\n';
  await fs.writeFile(file, initial);
  const allowed = new Set([initial, contentFor(0), contentFor(1)]);
  let killedMidWrite = 0;
  try {
    // Kills land mid-save by chance, less often on a busy machine: go on until enough of them did.
    let run = 0;
    for (; run < RUNS || (killedMidWrite < RUNS / 4 && run < RUNS * 5); run++) {
      const before = new Set(await fs.readdir(dir));
      await killMidWrite(['atomic', file]);
      const content = await fs.readFile(file, 'utf8');
      assert.ok(allowed.has(content), `run ${run}: the file holds ${content.length} characters that are neither version`);
      // A temporary file left behind means the kill landed inside a save, the case under test.
      if ((await fs.readdir(dir)).some((name) => !before.has(name))) killedMidWrite++;
    }
    const leftovers = (await fs.readdir(dir)).filter((name) => name !== 'note.md');
    // Temporary files of killed writers remain; they never replace the real one and the vault ignores them.
    assert.ok(leftovers.every((name) => name.startsWith('note.md.')), `unexpected files: ${leftovers.join(', ')}`);
    assert.ok(killedMidWrite >= RUNS / 4, `only ${killedMidWrite} of ${run} kills landed mid-save`);
    console.log(`# atomic write: ${killedMidWrite} of ${run} kills landed mid-save; every file read back whole`);
  } finally {
    await remove();
  }
});

test(`vault: a Carnet killed while saving a note leaves a readable note and a lock the next start takes over (${Math.ceil(RUNS / 2)} runs)`, async () => {
  const { dir, remove } = await tempDir();
  const root = path.join(dir, 'vault');
  try {
    const vault = await Vault.create(root, 'Crash');
    const note = await vault.createNote('Crash test', 'initial\n');
    await vault.close();
    const allowed = new Set(['initial\n', contentFor(0), contentFor(1)]);
    for (let run = 0; run < Math.ceil(RUNS / 2); run++) {
      await killMidWrite(['vault', root, note.id]);
      // The killed process held the lock: opening again must take over its stale lock.
      const reopened = await Vault.open(root, { watch: false });
      try {
        assert.deepEqual(reopened.problems(), [], `run ${run}: the vault has unreadable files`);
        assert.ok(allowed.has(reopened.getNote(note.id).body), `run ${run}: the note body is neither version`);
        // Each save changes the title, so the file is renamed each time: exactly one of its names is left, nothing else.
        const left = await fs.readdir(path.join(root, 'notes'));
        assert.equal(left.length, 1, `run ${run}: notes/ holds ${left.join(', ')}`);
        assert.ok(['crash-test.md', 'version-0.md', 'version-1.md'].includes(left[0] ?? ''), `run ${run}: notes/ holds ${left[0]}`);
        assert.equal(reopened.getNote(note.id).path, `notes/${left[0]}`);
        assert.deepEqual(await fs.readdir(path.join(root, '.carnet', 'pending')).catch(() => []), [], `run ${run}: an unfinished rename is still recorded`);
      } finally {
        await reopened.close();
      }
    }
  } finally {
    await remove();
  }
});

test(`vault: a Carnet killed while importing leaves no orphan original and no temporary file once reopened (${Math.ceil(RUNS / 2)} runs)`, async () => {
  const { dir, remove } = await tempDir();
  const root = path.join(dir, 'vault');
  try {
    await (await Vault.create(root, 'Crash import')).close();
    let leftoversSeen = 0;
    for (let run = 0; run < Math.ceil(RUNS / 2); run++) {
      await killMidWrite(['import', root]);
      const names = async (folder: string) => fs.readdir(path.join(root, folder)).catch(() => [] as string[]);
      if ((await names('sources/originals')).length !== (await names('sources')).filter((n) => n.endsWith('.md')).length) leftoversSeen++;
      const reopened = await Vault.open(root, { watch: false });
      try {
        assert.deepEqual(reopened.problems(), [], `run ${run}: the vault has unreadable files`);
        const referenced = new Set(reopened.listSources().map((s) => s.original));
        const originals = await names('sources/originals');
        assert.deepEqual(originals.filter((name) => !referenced.has(`sources/originals/${name}`)), [], `run ${run}: orphan originals survive a reopen`);
        for (const folder of ['', 'sources', 'sources/originals', 'notes', '.carnet', '.carnet/pending']) {
          assert.deepEqual((await names(folder)).filter((name) => name.includes('.carnet-tmp-')), [], `run ${run}: temporary files in ${folder || 'the vault'}`);
        }
        assert.deepEqual(await names('.carnet/pending'), [], `run ${run}: an unfinished operation is still recorded`);
      } finally {
        await reopened.close();
      }
    }
    console.log(`# import crash: ${leftoversSeen} of ${Math.ceil(RUNS / 2)} kills left an orphan original or a temporary file, all cleared on reopen`);
  } finally {
    await remove();
  }
});

