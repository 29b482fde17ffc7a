import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Vault } from '../../../electron/vault/vault.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const run = promisify(execFile);
const OPEN_IN_CHILD = `
import { Vault } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../../electron/vault/vault.ts'))};
try { const v = await Vault.open(process.argv[1], { watch: false }); console.log('opened'); await v.close(); }
catch (e) { console.log(e.code + ': ' + e.message); }
`;

async function newVault(): Promise<{ root: string; remove: () => Promise<void> }> {
  const { dir, remove } = await tempDir();
  const root = path.join(dir, 'vault');
  await (await Vault.create(root)).close();
  return { root, remove };
}

test('a second process cannot open a vault that is open: it gets a clear lock error', async () => {
  const { root, remove } = await newVault();
  const vault = await Vault.open(root, { watch: false });
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', OPEN_IN_CHILD, root]);
    assert.match(stdout, /^locked: This vault is already open in another Carnet window \(process \d+/);
    assert.match(stdout, /open this vault read-only/);
  } finally {
    await vault.close();
    await remove();
  }
  });

test('after the first process closes the vault, a second one opens it', async () => {
  const { root, remove } = await newVault();
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', OPEN_IN_CHILD, root]);
    assert.equal(stdout.trim(), 'opened');
  } finally {
    await remove();
  }
});

test('a lock left by a dead process is taken over', async () => {
  const { root, remove } = await newVault();
  try {
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid as number;
    await new Promise((resolve) => child.once('exit', resolve));
    await fs.writeFile(path.join(root, '.carnet', 'lock'), JSON.stringify({ pid: deadPid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    const vault = await Vault.open(root, { watch: false });
    const lock = JSON.parse(await fs.readFile(path.join(root, '.carnet', 'lock'), 'utf8')) as { pid: number };
    assert.equal(lock.pid, process.pid);
    await vault.close();
    await assert.rejects(fs.access(path.join(root, '.carnet', 'lock')), 'closing releases the lock');
  } finally {
    await remove();
  }
});

test('an empty lock file left by a crash long ago is taken over; a fresh one is respected', async () => {
  const { root, remove } = await newVault();
  const lockFile = path.join(root, '.carnet', 'lock');
  try {
    await fs.writeFile(lockFile, '');
    await assert.rejects(Vault.open(root, { watch: false }), (error: unknown) => error instanceof CarnetError && error.code === 'locked');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockFile, old, old);
    const vault = await Vault.open(root, { watch: false });
    await vault.close();
  } finally {
    await remove();
  }
});

test('a lock held from another machine (a shared folder) is respected', async () => {
  const { root, remove } = await newVault();
  try {
    await fs.writeFile(path.join(root, '.carnet', 'lock'), JSON.stringify({ pid: 1, host: 'field-laptop', since: '2026-11-01T08:00:00Z' }));
    await assert.rejects(Vault.open(root, { watch: false }), /process 1 on field-laptop/);
    const readOnly = await Vault.open(root, { readOnly: true, watch: false });
    assert.equal(readOnly.info().readOnly, true);
    await readOnly.close();
  } finally {
    await remove();
  }
});
