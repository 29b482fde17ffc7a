/**
 * Citation check benchmark (issue 12): a vault of 1,000 notes holding 10,000 citations of 10,000
 * annotations on 100 sources, checked cold (every note parsed, every annotation placed, every quote
 * compared), then again after one source file changes on disk (only the citations of that source
 * are checked again), and once more with nothing changed. Figures, not pass/fail: never part of
 * `npm test`.
 *
 *   node tests/bench/citation-bench.ts
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Vault } from '../../electron/vault/vault.ts';
import { describe } from '../../electron/annotations/anchoring.ts';
import { formatFrontMatter } from '../../electron/vault/front-matter.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SOURCES = 100;
const PER_SOURCE = 100;
const NOTES = 1000;
const PER_NOTE = 10;
const RUNS = Number(process.env.RUNS ?? 5);

const WORDS = 'les représentants des six pays du processus COMMIT ont adopté une déclaration commune contre la traite des êtres humains à Hanoï le vice-ministre a rappelé que les réseaux recrutent désormais leurs victimes sur les réseaux sociaux en promettant des emplois bien payés'.split(' ');

function paragraph(seed: number): string {
  const words = Array.from({ length: 30 }, (_, i) => WORDS[(seed * 7 + i * 13 + (seed % 5) * i) % WORDS.length]);
  return `${words.join(' ')} (${seed}).`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const { dir, remove } = await tempDir();
  try {
    const vault = await Vault.create(path.join(dir, 'v'));
    const cited: { sourceId: string; id: string; exact: string }[] = [];
    for (let s = 0; s < SOURCES; s++) {
      const body = Array.from({ length: PER_SOURCE }, (_, p) => paragraph(s * PER_SOURCE + p)).join('\n\n') + '\n';
      const source = await vault.addSource({ title: `Source ${s}`, authors: [], published: '2025-11-19' }, body);
      const annotations = [];
      let at = 0;
      for (let p = 0; p < PER_SOURCE; p++) {
        const para = paragraph(s * PER_SOURCE + p);
        const start = body.indexOf(para, at) + 10;
        const end = start + 80;
        at = start;
        const selectors = describe(body, start, end);
        const id = `s${s}-a${p}`;
        annotations.push({ id, created: '2026-11-26T00:00:00.000Z', updated: '2026-11-26T00:00:00.000Z', quote: { type: 'TextQuoteSelector', ...selectors.quote }, position: { type: 'TextPositionSelector', ...selectors.position }, comment: '', codes: [] });
        cited.push({ sourceId: source.id, id, exact: body.slice(start, end) });
      }
      await fs.writeFile(path.join(vault.root, vault.annotationFilePath(source.id)), `${JSON.stringify({ source: source.id, annotations }, null, 2)}\n`);
    }
    for (let n = 0; n < NOTES; n++) {
      const parts = [`# Note ${n}`, ''];
      for (let c = 0; c < PER_NOTE; c++) {
        const target = cited[(n * PER_NOTE + c) % cited.length]!;
        parts.push(`> ${target.exact}`, '>', `> — [« ${target.exact.slice(0, 30)}… »](carnet://source/${target.sourceId}#${target.id}) — *Source*`, '', 'Un commentaire de la chercheuse sur ce passage.', '');
      }
      const meta = { id: `note-${n}`, title: `Note ${n}`, tags: [], created: '2026-11-26T00:00:00.000Z', updated: '2026-11-26T00:00:00.000Z' };
      await fs.writeFile(path.join(vault.root, 'notes', `note-${n}.md`), formatFrontMatter(meta, parts.join('\n')));
    }
    await vault.close();

    const cold: number[] = [];
    let total = 0;
    let verified = 0;
    for (let run = 0; run < RUNS; run++) {
      const fresh = await Vault.open(path.join(dir, 'v'), { watch: false });
      const t0 = performance.now();
      const all = fresh.listCitations();
      cold.push(performance.now() - t0);
      total = all.length;
      verified = all.filter((c) => c.state === 'verified').length;
      await fresh.close();
    }

    const open = await Vault.open(path.join(dir, 'v'), { watch: false });
    open.listCitations();
    const unchanged: number[] = [];
    const afterEdit: number[] = [];
    let changed = 0;
    const first = open.listSources().find((s) => s.title === 'Source 0')!;
    for (let run = 0; run < RUNS; run++) {
      let t0 = performance.now();
      open.listCitations();
      unchanged.push(performance.now() - t0);
      const file = path.join(open.root, first.path);
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, text.replace(/\(0\)\./, `(0, edited ${run}).`).replace(paragraph(1).slice(10, 40), `${paragraph(1).slice(10, 40)} édité ${run}`));
      await open.reload([first.path]);
      t0 = performance.now();
      const all = open.listCitations();
      afterEdit.push(performance.now() - t0);
      changed = all.filter((c) => c.sourceId === first.id && c.state !== 'verified').length;
    }
    await open.close();

    console.log(`Citation check: ${NOTES} notes, ${total} citations of ${SOURCES * PER_SOURCE} annotations on ${SOURCES} sources; ${verified} verified on a clean vault. Median of ${RUNS} runs.\n`);
    console.log('| check | median | target |');
    console.log('| --- | ---: | --- |');
    console.log(`| cold (vault just opened: parse every note, place every annotation, compare every quote) | ${median(cold).toFixed(0)} ms | < 2,000 ms |`);
    console.log(`| after one source file changed on disk (${PER_SOURCE} annotations, the citations of that source) | ${median(afterEdit).toFixed(1)} ms | < 100 ms |`);
    console.log(`| nothing changed | ${median(unchanged).toFixed(1)} ms | — |`);
    console.log(`\nAfter the edit, ${changed} citation(s) of the edited source are no longer verified (one passage was edited).`);
    console.log(`Ratio cold / after one source changed: ${(median(cold) / median(afterEdit)).toFixed(0)}×.`);
  } finally {
    if (process.env.CARNET_BENCH_KEEP) console.log(`Vault kept in ${dir}/v`);
    else await remove();
  }
}

await main();
