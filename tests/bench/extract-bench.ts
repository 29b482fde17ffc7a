/**
 * Article extraction on 181 real pages (../shared/benchmarks/article-extraction, issue 11): how much
 * of the hand-checked article Carnet's importers keep, and how much else they keep with it, scored
 * as the benchmark's authors score (extract-score.ts), so that the figures compare with theirs.
 * Four rows: (a) the whole text capture, no extraction; (b) the text importer on the captures;
 * (b') the same, with each page's site chrome learnt from the other pages of its host (as an import
 * learns it from the vault's earlier captures of the site, site-chrome.ts); (c) the HTML importer
 * on the saved pages. Then the text importer's ten worst pages.
 * Figures, not pass/fail: never part of `npm test`.
 *
 *   node tests/bench/extract-bench.ts               everything (captures made on the first run, then cached)
 *   node tests/bench/extract-bench.ts --text-only   only the text importer and its worst pages: a few seconds
 *   node tests/bench/extract-bench.ts --recapture   render the captures again first
 *
 * From code: `scoreTextImporter((await loadCaptures()).pages)` (see the exports below).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { importHtml } from '../../electron/importers/html-importer.ts';
import type { ImportedDocument } from '../../electron/importers/imported-document.ts';
import { fromPlainText } from '../../electron/importers/txt-importer.ts';
import { captureLines, chromeOf } from '../../electron/importers/site-chrome.ts';
import { CAPTURES_DIR, loadCaptures, readHtml, type CapturedPage } from './extract-captures.ts';
import { aggregate, plainBody, prf, scorePage, TITLE_RULE, titleMatches, tokenize, type PageScore, type Prf } from './extract-score.ts';

export interface PageResult {
  id: string;
  host: string;
  score: PageScore;
  prf: Prf;
  /** The importer's message when it threw (refused the page, or crashed: `CRASH …`). */
  refused?: string;
  title: string;
  /** The page's title the extracted one is shown against (its first <h1>, else og:title, else <title>). */
  reference: string;
  titleRight: boolean;
  /** Tokens in the extracted body and in the true article. */
  words: { predicted: number; truth: number };
}

export interface SystemResult {
  name: string;
  pages: PageResult[];
  total: Prf;
  refusals: number;
  /** Share of pages whose extracted title is right (TITLE_RULE). */
  titleRight: number;
  /** Seconds spent in the importer, over every page. */
  seconds: number;
}

function result(page: CapturedPage, predicted: string, title: string, refused?: string): PageResult {
  const score = scorePage(page.truth, predicted);
  return {
    id: page.id,
    host: page.host,
    score,
    prf: prf(score),
    refused,
    title,
    reference: page.titles[0] ?? '',
    titleRight: refused === undefined && titleMatches(title, page.titles),
    words: { predicted: tokenize(predicted).length, truth: tokenize(page.truth).length },
  };
}

function summary(name: string, pages: PageResult[], seconds: number): SystemResult {
  return {
    name,
    pages,
    total: aggregate(pages.map((p) => p.score)),
    refusals: pages.filter((p) => p.refused !== undefined).length,
    titleRight: pages.filter((p) => p.titleRight).length / Math.max(1, pages.length),
    seconds,
  };
}

/** The importer's message; anything other than a CarnetError is a crash, shown as one (the bench goes on). */
function refusal(error: unknown): string {
  if (error instanceof Error && error.name === 'CarnetError') return error.message;
  return `CRASH ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

/** (a) The whole capture as the article, its first non-empty line as the title: what no extraction gives. */
export function scoreWholeCapture(pages: CapturedPage[]): SystemResult {
  return summary('(a) whole text capture, no extraction', pages.map((page) => result(page, page.capture, page.capture.split('\n').find((line) => line.trim() !== '')?.trim() ?? '')), 0);
}

/** (b) Carnet's text importer (`fromPlainText`) on each capture, in-process; only its calls are timed. */
export async function scoreTextImporter(pages: CapturedPage[], chromeOf: (page: CapturedPage) => ReadonlySet<string> | undefined = () => undefined, name = '(b) text importer on the captures'): Promise<SystemResult> {
  const results: PageResult[] = [];
  let seconds = 0;
  for (const page of pages) {
    const input = { name: `${page.id}.txt`, bytes: Buffer.from(page.capture, 'utf8') };
    const chrome = chromeOf(page);
    let document: ImportedDocument | undefined;
    let refused: string | undefined;
    const started = performance.now();
    try {
      document = await fromPlainText(page.capture, input, chrome);
    } catch (error) {
      refused = refusal(error);
    }
    seconds += (performance.now() - started) / 1000;
    results.push(result(page, document ? plainBody(document.body) : '', document?.metadata.title ?? '', refused));
  }
  return summary(name, results, seconds);
}

export const SAME_SITE_ROW = "(b') text importer, pages of the same site learnt together";

/**
 * (b') The text importer with each page's site chrome learnt from the OTHER pages of its host
 * (leave-one-out): what importing a site's pages together gives. Pages alone on their host are
 * read as in (b). Learning is not timed.
 */
export async function scoreTextImporterBySite(pages: CapturedPage[]): Promise<{ system: SystemResult; pages: number; hosts: number; withChrome: number }> {
  const byHost = new Map<string, CapturedPage[]>();
  for (const page of pages) byHost.set(page.host, [...(byHost.get(page.host) ?? []), page]);
  const lines = new Map(pages.map((page) => [page.id, captureLines(page.capture)]));
  const chrome = new Map<string, Set<string>>();
  for (const group of byHost.values()) {
    if (group.length < 2) continue;
    for (const page of group) chrome.set(page.id, chromeOf(lines.get(page.id)!, group.filter((other) => other !== page).map((other) => lines.get(other.id)!)));
  }
  const system = await scoreTextImporter(pages, (page) => chrome.get(page.id), SAME_SITE_ROW);
  const hosts = [...byHost.values()].filter((group) => group.length >= 2).length;
  return { system, pages: chrome.size, hosts, withChrome: [...chrome.values()].filter((set) => set.size > 0).length };
}

/** (c) Carnet's HTML importer (`importHtml`) on each saved page, in-process. */
export async function scoreHtmlImporter(pages: CapturedPage[]): Promise<SystemResult> {
  const results: PageResult[] = [];
  let seconds = 0;
  for (const page of pages) {
    const input = { name: `${page.id}.html`, bytes: await readHtml(page.id) };
    let document: ImportedDocument | undefined;
    let refused: string | undefined;
    const started = performance.now();
    try {
      document = await importHtml(input);
    } catch (error) {
      refused = refusal(error);
    }
    seconds += (performance.now() - started) / 1000;
    results.push(result(page, document ? plainBody(document.body) : '', document?.metadata.title ?? '', refused));
  }
  return summary('(c) HTML importer on the saved pages', results, seconds);
}

// --- Printing -----------------------------------------------------------------------------------

const TARGETS: Record<string, string> = {
  '(b) text importer on the captures': 'F1 ≥ 0.90, 0 refusals, title ≥ 85%, ≥ 50 files/s',
  '(c) HTML importer on the saved pages': 'F1 ≥ 0.95, title ≥ 95%',
};

const f3 = (n: number) => n.toFixed(3);
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
const oneLine = (text: string, max = 60) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line).replace(/\|/g, '\\|');
};

export function printTable(systems: SystemResult[], log: (line: string) => void = console.log): void {
  log('| extraction | pages | precision | recall | F1 | refusals | title right | files/s | issue 11 target |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of systems) {
    const speed = s.seconds > 0 ? (s.pages.length / s.seconds).toFixed(0) : '—';
    log(`| ${s.name} | ${s.pages.length} | ${f3(s.total.precision)} | ${f3(s.total.recall)} | ${f3(s.total.f1)} | ${s.seconds > 0 ? s.refusals : '—'} | ${pct(s.titleRight)} | ${speed} | ${TARGETS[s.name] ?? '—'} |`);
  }
}

function reason(page: PageResult): string {
  if (page.refused !== undefined) return `refused: ${oneLine(page.refused, 120)}`;
  const { precision: p, recall: r } = page.prf;
  const words = `${page.words.predicted} words kept, article ${page.words.truth}`;
  if (page.score.tp === 0) return `kept other text, none of the article (${words})`;
  if (p < 0.5 && r < 0.5) return `kept boilerplate and lost article: low P and R (${words})`;
  return p < r ? `kept boilerplate: low precision (${words})` : `lost article: low recall (${words})`;
}

/** The `count` pages with the lowest F1, and why. */
export function printWorst(system: SystemResult, count = 10, log: (line: string) => void = console.log): void {
  const worst = [...system.pages].sort((a, b) => a.prf.f1 - b.prf.f1 || a.id.localeCompare(b.id)).slice(0, count);
  log(`The ${count} worst pages for ${system.name} (lowest F1; id = first 12 of the file name in ${CAPTURES_DIR}):`);
  log('| id | host | P | R | F1 | why | title (extracted vs the page’s) |');
  log('| --- | --- | ---: | ---: | ---: | --- | --- |');
  for (const page of worst) {
    log(`| ${page.id.slice(0, 12)} | ${page.host} | ${f3(page.prf.precision)} | ${f3(page.prf.recall)} | ${f3(page.prf.f1)} | ${reason(page)} | ${page.titleRight ? '✓' : '✗'} ${oneLine(page.title)} vs ${oneLine(page.reference)} |`);
  }
}

/** (b) against (b') on the pages of a host with two pages or more: what learning changed. */
function printGain(alone: SystemResult, together: SystemResult, log: (line: string) => void): void {
  const concerned = new Set(together.pages.filter((p) => together.pages.filter((q) => q.host === p.host).length >= 2).map((p) => p.id));
  const subset = (s: SystemResult) => aggregate(s.pages.filter((p) => concerned.has(p.id)).map((p) => p.score));
  const [a, b] = [subset(alone), subset(together)];
  const changed = together.pages.filter((p, k) => Math.abs(p.prf.f1 - alone.pages[k]!.prf.f1) > 0.001);
  const better = changed.filter((p) => p.prf.f1 > alone.pages[together.pages.indexOf(p)]!.prf.f1).length;
  log(`On those ${concerned.size} pages: P ${f3(a.precision)} → ${f3(b.precision)}, R ${f3(a.recall)} → ${f3(b.recall)}, F1 ${f3(a.f1)} → ${f3(b.f1)}; ${changed.length} pages changed (${better} better, ${changed.length - better} worse).`);
}

function printRules(log: (line: string) => void): void {
  log('Scoring (the benchmark’s evaluate.py): 4-token shingles of \\w+ tokens (Unicode, case kept), counted; per page tp, fp, fn ÷ their sum; P, R, F1 from the means over pages. A refusal scores as an empty body.');
  log('Carnet’s body marks (## headings, _captions_, <!-- page N -->) are taken off before scoring.');
  log(`Titles: ${TITLE_RULE}; the site’s name as an <h1> is not a reference. Row (a) takes the capture’s first line as its title.`);
}

function printPublished(log: (line: string) => void): void {
  log('Published F1 on the same 181 pages (benchmark README): Readability.js 0.947, trafilatura 0.958, go-trafilatura 0.960, go-readability 0.934, jusText 0.804, boilerpipe 0.739, whole page text (html-text) 0.665.');
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const textOnly = args.has('--text-only');
  const log = (line: string) => console.log(line);
  const { pages, report } = await loadCaptures({ recapture: args.has('--recapture'), log });
  log(`Article extraction benchmark: ${pages.length} pages with a capture, ${os.cpus().length} cores, Node ${process.version}`);
  if (report.captured > 0) log(`Captures: ${report.captured} made (${report.blocked} requests from the pages, all aborted), ${report.reused} reused, ${report.seconds.toFixed(0)} s; cached in ${CAPTURES_DIR}`);
  else log(`Captures: ${report.reused} reused from ${CAPTURES_DIR} (--recapture to make them again)`);
  if (report.failures.length > 0) log(`Capture failures (left out): ${report.failures.join('; ')}`);
  log('');
  const text = await scoreTextImporter(pages);
  const bySite = await scoreTextImporterBySite(pages);
  const systems = textOnly ? [text, bySite.system] : [scoreWholeCapture(pages), text, bySite.system, await scoreHtmlImporter(pages)];
  printTable(systems, log);
  log('');
  log(`${SAME_SITE_ROW}: ${bySite.pages} pages on ${bySite.hosts} hosts with two pages or more, each read with the lines it shares with another page of its host (${bySite.withChrome} pages share some); the other ${pages.length - bySite.pages} pages are read as in (b).`);
  printGain(text, bySite.system, log);
  log(`Text import speed: ${pages.length} captures through fromPlainText in ${(text.seconds * 1000).toFixed(0)} ms = ${(pages.length / text.seconds).toFixed(0)} files/s (target ≥ 50 files/s).`);
  if (!textOnly) printPublished(log);
  printRules(log);
  log('');
  printWorst(text, 10, log);
}

if (import.meta.main) await main();
