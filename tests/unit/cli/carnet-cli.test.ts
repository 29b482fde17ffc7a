import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { cli } from '../../helpers/run-cli.ts';
import { PROJECT_ROOT, sampleVaultCopy, tempDir } from '../../helpers/temp-dir.ts';
import { FIXTURES, SEEDS, seedsMissing } from '../../helpers/seeds.ts';

const run = promisify(execFile);

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
    // The welcome note links to the broken one, which no longer reads: that link is listed too, pointing at the unreadable file.
    assert.deepEqual(report.problems.map((p) => p.path), ['notes/commit-timeline.md', 'notes/welcome-to-carnet.md']);
    assert.match(report.problems[0]?.message ?? '', /not valid YAML/);
    assert.match(report.problems[1]?.message ?? '', /links to "COMMIT — a working timeline", but no note Carnet can read .* listed here as unreadable/);
    assert.equal(await fs.readFile(file, 'utf8'), broken);
    const text = await cli('check', '--vault', dir);
    assert.match(text.out, /2 problems:\n {2}notes\/commit-timeline\.md: /);
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

test('carnet import: folders recursively, one JSON record per file, bad files listed without stopping the rest', async () => {
  const { dir, remove } = await tempDir();
  try {
    const vaultDir = path.join(dir, 'v');
    await cli('init', vaultDir);
    const drop = path.join(dir, 'drop');
    await fs.mkdir(path.join(drop, 'nested'), { recursive: true });
    for (const name of ['capture-en.txt', 'article.html', 'chiffre.pdf']) await fs.copyFile(path.join(FIXTURES, name), path.join(drop, name));
    await fs.copyFile(path.join(FIXTURES, 'note-exportee.md'), path.join(drop, 'nested', 'note-exportee.md'));
    await fs.writeFile(path.join(drop, 'nested', 'photo.jpg'), 'not imported');
    await fs.writeFile(path.join(drop, '.hidden.txt'), 'left out');
    // A 200 MB file, sparse: refused from its size, never read into memory.
    const huge = await fs.open(path.join(drop, 'huge.txt'), 'w');
    await huge.truncate(200 * 1024 * 1024);
    await huge.close();

    const run = await cli('import', '--vault', vaultDir, drop, '--json');
    assert.equal(run.code, 1, 'exit code 1: some files failed');
    const report = JSON.parse(run.out) as { counts: Record<string, number>; results: { name: string; status: string; title?: string; reason?: string; published?: string; language?: string }[] };
    assert.deepEqual(report.counts, { imported: 3, duplicates: 0, failed: 2, skipped: 1 });
    const byName = Object.fromEntries(report.results.map((r) => [r.name, r]));
    assert.equal(byName['article.html']?.published, '2025-11-19');
    assert.equal(byName['capture-en.txt']?.language, 'en');
    assert.match(byName['chiffre.pdf']?.reason ?? '', /encrypted/);
    assert.match(byName['huge.txt']?.reason ?? '', /200 MB; Carnet imports files up to 50 MB/);
    assert.equal(byName['.hidden.txt'], undefined);

    const again = await cli('import', '--vault', vaultDir, path.join(drop, 'capture-en.txt'), '--json');
    assert.equal(again.code, 0);
    assert.equal((JSON.parse(again.out) as { counts: { duplicates: number } }).counts.duplicates, 1);
  } finally {
    await remove();
  }
});

test('carnet import of the seed captures prints their metadata', { skip: seedsMissing }, async () => {
  const { dir, remove } = await tempDir();
  try {
    await cli('init', path.join(dir, 'v'));
    const run = await cli('import', '--vault', path.join(dir, 'v'), SEEDS, '--json');
    assert.equal(run.code, 0);
    const results = (JSON.parse(run.out) as { results: { name: string; publisher: string; published?: string; language: string; url?: string }[] }).results;
    const first = results.find((r) => r.name.startsWith('000_'));
    assert.deepEqual([first?.publisher, first?.published, first?.language], ['VietnamPlus', '2025-11-19', 'fr']);
    assert.match(first?.url ?? '', /^https:\/\/www\.vietnamplus\.vn\//);
  } finally {
    await remove();
  }
});
