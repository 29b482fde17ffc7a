import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { cli } from '../../helpers/run-cli.ts';
import { sampleVaultCopy } from '../../helpers/temp-dir.ts';
import type { PublicAnnotation } from '../../../electron/cli/annotations-command.ts';

/** What `carnet annotations --json` prints for one annotation. */
type Listed = PublicAnnotation;

interface CheckReport {
  ok: boolean;
  problems: { path: string; message: string }[];
  reviews: { path: string; message: string }[];
}

const SOURCE = path.join('sources', 'commit-six-countries-since-2004.md');
const PASSAGE = 'offers of work now travel through social networks and messaging applications';

async function list(dir: string, ...args: string[]): Promise<Listed[]> {
  const result = await cli('annotations', '--vault', dir, '--json', ...args);
  assert.equal(result.code, 0, result.err);
  return JSON.parse(result.out) as Listed[];
}

test('carnet annotations lists every sample annotation, anchored, with code names and colours', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const all = await list(dir);
    assert.equal(all.length, 6);
    assert.ok(all.every((a) => a.state === 'anchored'));
    const a1 = all.find((a) => a.id === 'sample-imm6-hanoi-a1');
    assert.deepEqual(a1?.codes, ['Regional cooperation', 'Digital era']);
    assert.equal(a1?.color, '#2563eb');
    assert.equal(a1?.source, 'sample-imm6-hanoi');
    const text = await cli('annotations', '--vault', dir);
    assert.equal(text.code, 0);
    assert.match(text.out, /^6 annotations:/);
    assert.equal((await cli('check', '--vault', dir)).code, 0);
  } finally {
    await remove();
  }
});

test('carnet annotations --code matches names whatever the case and accents, sub-codes included', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    assert.deepEqual((await list(dir, '--code', 'DIGITAL ÉRA')).map((a) => a.id), ['sample-commit-overview-a3', 'sample-imm6-hanoi-a1']);
    assert.deepEqual((await list(dir, '--code', 'ministerial meetings')).map((a) => a.id).sort(), ['sample-commit-overview-a2', 'sample-imm4-phnom-penh-a1']);
    // The parent code takes its sub-code's passages in.
    assert.equal((await list(dir, '--code', 'Regional Cooperation')).length, 4);
    assert.deepEqual((await list(dir, '--code', 'digital era', '--code', 'regional cooperation')).map((a) => a.id), ['sample-imm6-hanoi-a1']);
    assert.deepEqual((await list(dir, '--source', 'sample-imm6-hanoi')).map((a) => a.id), ['sample-imm6-hanoi-a1', 'sample-imm6-hanoi-a2']);
    const unknown = await cli('annotations', '--vault', dir, '--code', 'nothing like it');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /No code is named "nothing like it"/);
    assert.equal((await cli('annotations', '--vault', dir, '--state', 'lost')).code, 2);
  } finally {
    await remove();
  }
});

test('carnet codes --json counts the passages of each code, sub-codes included', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const result = await cli('codes', '--vault', dir, '--json');
    assert.equal(result.code, 0);
    interface Node {
      name: string;
      own: number;
      passages: number;
      children: Node[];
    }
    const tree = JSON.parse(result.out) as Node[];
    const flat = (nodes: Node[], depth = 0): string[] => nodes.flatMap((n) => [`${depth}:${n.name}:${n.own}:${n.passages}`, ...flat(n.children, depth + 1)]);
    assert.deepEqual(flat(tree), ['0:Digital era:2:2', '0:Regional cooperation:2:4', '1:Ministerial meetings:2:2', '0:Victim protection:1:1']);
    const text = await cli('codes', '--vault', dir);
    assert.match(text.out, /Regional cooperation {2}#2563eb — 4 passages \(2 directly\)\n {4}Ministerial meetings/);
  } finally {
    await remove();
  }
});

test('a typo in a passage makes it need review (exit 0); deleting it makes an orphan (exit 1)', async () => {
  const { dir, remove } = await sampleVaultCopy();
  try {
    const file = path.join(dir, SOURCE);
    const original = await fs.readFile(file, 'utf8');
    assert.ok(original.includes(PASSAGE));
    await fs.writeFile(file, original.replace(PASSAGE, PASSAGE.replace('social networks', 'social netwroks')));

    const typo = await list(dir);
    assert.deepEqual(typo.filter((a) => a.state !== 'anchored').map((a) => [a.id, a.state]), [['sample-commit-overview-a3', 'needs-review']]);
    assert.deepEqual((await list(dir, '--state', 'needs-review')).map((a) => a.id), ['sample-commit-overview-a3']);
    const review = await cli('check', '--vault', dir, '--json');
    assert.equal(review.code, 0);
    const reviewed = JSON.parse(review.out) as CheckReport;
    assert.equal(reviewed.ok, true);
    assert.deepEqual(reviewed.problems, []);
    assert.equal(reviewed.reviews.length, 1);
    assert.equal(reviewed.reviews[0]?.path, 'annotations/commit-six-countries-since-2004.json');
    assert.match(reviewed.reviews[0]?.message ?? '', /sample-commit-overview-a3 on sources\/commit-six-countries-since-2004\.md needs review: its passage \("offers of work now travel/);
    const reviewText = await cli('check', '--vault', dir);
    assert.equal(reviewText.code, 0);
    assert.match(reviewText.out, /No problems found\.\n1 annotation to review:\n {2}annotations\/commit-six-countries-since-2004\.json: Annotation sample-commit-overview-a3/);

    await fs.writeFile(file, original.replace(`${PASSAGE}, `, ''));
    const gone = await list(dir);
    assert.deepEqual(gone.filter((a) => a.state !== 'anchored').map((a) => [a.id, a.state]), [['sample-commit-overview-a3', 'orphan']]);
    const orphan = await cli('check', '--vault', dir, '--json');
    assert.equal(orphan.code, 1);
    const report = JSON.parse(orphan.out) as CheckReport;
    assert.equal(report.ok, false);
    assert.deepEqual(report.reviews, []);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0]?.message ?? '', /Annotation sample-commit-overview-a3 quotes text that is no longer in the source sources\/commit-six-countries-since-2004\.md \("offers of work now travel through social networks and messa…"\)/);
  } finally {
    await remove();
  }
});
