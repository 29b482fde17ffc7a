import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { cli } from '../../helpers/run-cli.ts';
import { sampleVaultCopy } from '../../helpers/temp-dir.ts';

interface CheckReport {
  ok: boolean;
  problems: { path: string; line?: number; message: string }[];
  reviews: { path: string; line?: number; message: string }[];
}

const SOURCE = path.join('sources', 'commit-six-countries-since-2004.md');

test('carnet check: the sample vault’s citations all verify; a cited passage edited in its source file makes it exit 1, naming each note, line and source', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const clean = await cli('check', '--vault', dir);
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /No problems found\./);

    const file = path.join(dir, SOURCE);
    const text = await fs.readFile(file, 'utf8');
    assert.ok(text.includes('launched it in 2004'));
    await fs.writeFile(file, text.replace('launched it in 2004', 'launched it in 2005'));

    const report = await cli('check', '--vault', dir, '--json');
    assert.equal(report.code, 1);
    const parsed = JSON.parse(report.out) as CheckReport;
    const cited = parsed.problems.filter((p) => p.path.startsWith('notes/'));
    assert.deepEqual(cited.map((p) => [p.path, p.line]), [['notes/commit-timeline.md', 12], ['notes/welcome-to-carnet.md', 53]]);
    for (const problem of cited) {
      assert.match(problem.message, /quotes "COMMIT: six countries against human trafficking since 2004", but the words differ/);
      assert.match(problem.message, /launched it in 2005/);
    }
    const plain = await cli('check', '--vault', dir);
    assert.equal(plain.code, 1);
    assert.match(plain.out, /notes\/commit-timeline\.md:12: Line 12 quotes/);
    assert.equal(await fs.readFile(path.join(dir, 'notes', 'commit-timeline.md'), 'utf8').then((t) => t.includes('launched it in 2004')), true, 'the note is left as it is');
  } finally {
    await remove();
  }
});

test('carnet check: a citation whose source is gone is a problem naming the source it cites', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    await fs.rm(path.join(dir, SOURCE));
    const report = await cli('check', '--vault', dir, '--json');
    assert.equal(report.code, 1);
    const parsed = JSON.parse(report.out) as CheckReport;
    const missing = parsed.problems.filter((p) => /cites source sample-commit-overview, which is not in the vault/.test(p.message));
    assert.deepEqual(missing.map((p) => p.path), ['notes/commit-timeline.md', 'notes/welcome-to-carnet.md']);
  } finally {
    await remove();
  }
});
