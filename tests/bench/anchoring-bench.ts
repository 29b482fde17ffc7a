/**
 * Anchoring benchmark: 1,000 annotations on bodies built from the sample vault's sources plus
 * generated French/English paragraphs, each re-anchored after every kind of edit (see
 * anchoring-edits.ts), with electron/annotations/anchoring.ts and, in the same run, with a plain
 * `indexOf(exact)`. Per kind: % anchored on the passage's true place, % needs-review (right / wrong
 * place), % orphaned, and % anchored silently somewhere wrong (target 0). Figures, not pass/fail:
 * never part of `npm test`, and timings are printed only.
 *
 *   node tests/bench/anchoring-bench.ts
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { anchor, describe, type AnchorResult } from '../../electron/annotations/anchoring.ts';
import { buildBodies, randomSpan, seeded } from './anchoring-corpus.ts';
import { EDITS, type Edited } from './anchoring-edits.ts';

const ANNOTATIONS = 1000;
const BODIES = 20;
const GENERATED_PARAGRAPHS = 25;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Tally {
  anchoredRight: number;
  reviewRight: number;
  reviewWrong: number;
  orphan: number;
  silentWrong: number;
  ms: number;
}

const empty = (): Tally => ({ anchoredRight: 0, reviewRight: 0, reviewWrong: 0, orphan: 0, silentWrong: 0, ms: 0 });

function overlaps(result: { start: number; end: number }, truth: Edited['truth']): boolean {
  return truth !== null && result.start < truth.end && truth.start < result.end;
}

function count(tally: Tally, result: AnchorResult, truth: Edited['truth']): void {
  if (result.state === 'orphan') tally.orphan++;
  else if (result.state === 'needs-review') {
    if (overlaps(result, truth)) tally.reviewRight++;
    else tally.reviewWrong++;
  } else if (overlaps(result, truth)) tally.anchoredRight++;
  else tally.silentWrong++;
}

/** What a plain exact search would do: the first occurrence of the quote, else an orphan. */
function indexOfAnchor(body: string, exact: string): AnchorResult {
  const at = body.indexOf(exact);
  return at === -1 ? { state: 'orphan' } : { state: 'anchored', start: at, end: at + exact.length };
}

function percent(n: number): string {
  return `${((100 * n) / ANNOTATIONS).toFixed(1)}%`.padStart(7);
}

function main(): void {
  const random = seeded(20261125);
  const bodies = buildBodies(ROOT, random, BODIES, GENERATED_PARAGRAPHS);
  const spans = Array.from({ length: ANNOTATIONS }, () => randomSpan(random, bodies));
  const meanBody = Math.round(bodies.reduce((sum, b) => sum + b.length, 0) / bodies.length);
  const meanSpan = Math.round(spans.reduce((sum, s) => sum + s.end - s.start, 0) / spans.length);
  console.log(`Anchoring: ${ANNOTATIONS} annotations on ${BODIES} bodies (mean ${meanBody} chars), mean quote ${meanSpan} chars\n`);
  console.log('edit                 method     anchored✓  review✓  review✗   orphan  silent✗   ms/anchor');
  for (const [name, edit] of EDITS) {
    const ours = empty();
    const plain = empty();
    for (const span of spans) {
      const body = bodies[span.body] ?? '';
      const selectors = describe(body, span.start, span.end);
      const edited = edit(body, span.start, span.end, random);
      let t = performance.now();
      count(ours, anchor(edited.body, selectors), edited.truth);
      ours.ms += performance.now() - t;
      t = performance.now();
      count(plain, indexOfAnchor(edited.body, selectors.quote.exact), edited.truth);
      plain.ms += performance.now() - t;
    }
    for (const [method, tally] of [['carnet', ours], ['indexOf', plain]] as const) {
      console.log(
        `${(method === 'carnet' ? name : '').padEnd(20)} ${method.padEnd(8)} ${percent(tally.anchoredRight)}  ${percent(tally.reviewRight)}  ${percent(tally.reviewWrong)}  ${percent(tally.orphan)}  ${percent(tally.silentWrong)}   ${(tally.ms / ANNOTATIONS).toFixed(3).padStart(9)}`,
      );
    }
  }
  console.log('\n✓ = overlaps the passage\'s true place after the edit; silent✗ = anchored elsewhere without asking (target 0).');
  console.log('"passage deleted": the only right outcome is orphan. Timings include folding the edited body once per annotation.');
}

main();
