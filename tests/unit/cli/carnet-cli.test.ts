import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../../electron/cli/carnet.ts';
import { PROJECT_ROOT, sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('carnet init creates a vault that carnet check finds clean, in text and JSON', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vaultDir = path.join(dir, 'v');
    const init = await cli('init', vaultDir, '--json');
    assert.equal(init.code, 0);
    const created = JSON.parse(init.out) as { created: { root: string; name: string } };
    assert.deepEqual([created.created.root, created.created.name], [vaultDir, 'v']);
    const check = await cli('check', '--vault', vaultDir, '--json');
    assert.equal(check.code, 0);
    assert.deepEqual((JSON.parse(check.out) as { ok: boolean; problems: unknown[] }).problems, []);
    const text = await cli('check', '--vault', vaultDir);
    assert.match(text.out, /No problems found\./);
    const again = await cli('init', vaultDir);
    assert.equal(again.code, 1);
    assert.match(again.err, /already a Carnet vault/);
  } finally {
    await remove();
  }
});

test('carnet check names a hand-broken note and exits 1, leaving the file as it was', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const file = path.join(dir, 'notes', 'commit-timeline.md');
    const broken = (await fs.readFile(file, 'utf8')).replace(/^id: .*$/m, 'id: [oops');
    await fs.writeFile(file, broken);
    const check = await cli('check', '--vault', dir, '--json');
    assert.equal(check.code, 1);
    const report = JSON.parse(check.out) as { ok: boolean; problems: { path: string; message: string }[] };
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems.map((p) => p.path), ['notes/commit-timeline.md']);
    assert.match(report.problems[0]?.message ?? '', /not valid YAML/);
    assert.equal(await fs.readFile(file, 'utf8'), broken);
    const text = await cli('check', '--vault', dir);
    assert.match(text.out, /1 problem:\n {2}notes\/commit-timeline\.md: /);
  } finally {
    await remove();
  }
});

test('carnet check reports annotations whose quote left the source and codes missing from the codebook', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const file = path.join(dir, 'annotations', 'phnom-penh-quatrieme-reunion-ministerielle.json');
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as { annotations: { quote: { exact: string }; codes: string[] }[] };
    const first = data.annotations[0];
    assert.ok(first);
    first.quote.exact = 'a sentence that is in no source';
    first.codes = ['code-ghost'];
    await fs.writeFile(file, JSON.stringify(data));
    const check = await cli('check', '--vault', dir, '--json');
    assert.equal(check.code, 1);
    const messages = (JSON.parse(check.out) as { problems: { message: string }[] }).problems.map((p) => p.message).join('\n');
    assert.match(messages, /codes not in the codebook: code-ghost/);
    assert.match(messages, /quotes text that is no longer in the source/);
  } finally {
    await remove();
  }
});

test('carnet info prints counts; errors are clear and exit non-zero', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const info = await cli('info', '--vault', dir, '--json');
    assert.equal(info.code, 0);
    assert.deepEqual((JSON.parse(info.out) as { counts: Record<string, number> }).counts, { sources: 3, notes: 2, codes: 4, problems: 0, trash: 0 });
    const missing = await cli('info');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Say which vault with --vault DIR/);
    const notVault = await cli('check', '--vault', path.dirname(dir), '--json');
    assert.equal(notVault.code, 1);
    assert.equal((JSON.parse(notVault.out) as { error: { code: string } }).error.code, 'not-a-vault');
    const unknown = await cli('frobnicate');
    assert.equal(unknown.code, 2);
  } finally {
    await remove();
  }
});

test('the built `carnet` binary runs as a command', { skip: !existsSync(path.join(PROJECT_ROOT, 'dist', 'node', 'carnet.js')) && 'not built' }, async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'node', 'carnet.js'), 'info', '--vault', dir]);
    assert.match(stdout, /Vault "Carnet Sample Vault" \(format 1\)/);
    assert.match(stdout, /3 sources, 2 notes, 4 codes/);
  } finally {
    await remove();
  }
});
