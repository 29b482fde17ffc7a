/**
 * Bibliography benchmark (issue 13): 300 sources formatted as a bibliography by citeproc through
 * citation-js, offline, in each of the vault styles (APA, Chicago author-date, ISO 690 in French),
 * and the same sources as BibTeX, RIS and CSL-JSON; cold (the first call loads the style and
 * locale) and warm, median of runs. Figures, not pass/fail: never part
 * of `npm test`.
 *
 *   node tests/bench/bibliography-bench.ts
 */
import { performance } from 'node:perf_hooks';
import { CITATION_STYLES, cslItem, formatCitations, type CitationFormat, type CitationStyle } from '../../electron/export/source-citations.ts';

const SOURCES = 300;
const RUNS = 5;
const FIRST = ['Nguyễn Thị Hương', 'Trần Văn Minh', 'Claire Dubois', 'Jane Roe', 'Somchai Prasert', 'Sok Dara'];
const OUTLETS = ['VnExpress', 'Le Courrier du Mékong', 'Bangkok Post', 'Khmer Times', 'Reuters', 'VNA'];

function sources() {
  return Array.from({ length: SOURCES }, (_, i) => ({
    id: `s${i}`,
    title: `Coopération régionale contre la traite des êtres humains, rapport ${i} : ce que disent les ministres à Hà Nội`,
    authors: i % 5 === 0 ? [] : [FIRST[i % FIRST.length]!, ...(i % 3 === 0 ? [FIRST[(i + 1) % FIRST.length]!] : [])],
    publisher: OUTLETS[i % OUTLETS.length],
    published: `20${10 + (i % 16)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    url: `https://example.org/articles/${i}`,
    language: i % 2 ? 'fr' : 'en',
    original: i % 7 === 0 ? `sources/originals/report-${i}.pdf` : `sources/originals/article-${i}.html`,
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const items = sources().map(cslItem);
console.log(`Bibliography benchmark: ${SOURCES} sources (Vietnamese, French, English, Thai and Khmer names; articles and PDF reports), Node ${process.version}. Median of ${RUNS} runs after the first.\n`);
console.log('| output | first call | median | target |');
console.log('| --- | ---: | ---: | --- |');
const STYLE_NAMES: Record<CitationStyle, string> = { apa: 'APA', chicago: 'Chicago author-date', 'iso690-fr': 'ISO 690 (fr)' };
const runs: { label: string; format: CitationFormat; style?: CitationStyle }[] = [
  ...CITATION_STYLES.map((style) => ({ label: `${STYLE_NAMES[style]} bibliography (citeproc)`, format: 'bibliography' as const, style })),
  ...(['bibtex', 'ris', 'csl-json'] as const).map((format) => ({ label: format, format })),
];
for (const { label, format, style } of runs) {
  const times: number[] = [];
  let length = 0;
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now();
    length = formatCitations(items, format, run % 2 ? 'fr' : 'en', style).length;
    times.push(performance.now() - t0);
  }
  const [first, ...rest] = times;
  console.log(`| ${label} | ${first!.toFixed(0)} ms | ${median(rest).toFixed(0)} ms | ${format === 'bibliography' ? '< 2,000 ms' : '—'} |`);
  if (length === 0) throw new Error(`${label}: nothing was formatted`);
}
