/**
 * The article-extraction set (../shared/benchmarks/article-extraction: 181 real pages and their
 * hand-checked article bodies) and the "text captures" made from it, as its README defines them:
 * the page rendered in Chromium with JavaScript off and no network, then `document.body.innerText`.
 *
 * Captures and the pages' own titles are cached outside the repository, in
 * ~/.cache/carnet-bench/article-captures/ (<id>.txt, titles.json), made on the first run and reused;
 * `--recapture` makes them again. Every request the pages would make is aborted in the browser, and
 * host names resolve to nothing, so no request leaves the machine.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/temp-dir.ts';
import { foldTitle } from './extract-score.ts';

const gunzip = promisify(zlib.gunzip);

export const DATASET_DIR = process.env.CARNET_EXTRACT_DATASET ?? path.join(PROJECT_ROOT, '..', 'shared', 'benchmarks', 'article-extraction');
export const CAPTURES_DIR = process.env.CARNET_EXTRACT_CAPTURES ?? path.join(os.homedir(), '.cache', 'carnet-bench', 'article-captures');
const TITLES_FILE = path.join(CAPTURES_DIR, 'titles.json');

/** Per page, the longest the browser may take to load and render it. */
const PAGE_TIMEOUT_MS = 20_000;
/** Pages rendered at once (2 cores here). */
const PARALLEL = 3;

export interface BenchPage {
  id: string;
  url: string;
  host: string;
  /** The hand-checked article body. */
  truth: string;
}

export interface CapturedPage extends BenchPage {
  /** `document.body.innerText` of the page rendered with JavaScript off and no network. */
  capture: string;
  /** The page's own titles: its <h1>s (not the site's name), og:title, <title>. */
  titles: string[];
}

export async function loadPages(): Promise<BenchPage[]> {
  const truth = JSON.parse(await fs.readFile(path.join(DATASET_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth)
    .map(([id, { articleBody, url }]) => ({ id, url, host: hostOf(url), truth: articleBody }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '?';
  }
}

/** A page's HTML, as saved (gzip, UTF-8). */
export async function readHtml(id: string): Promise<Buffer> {
  return gunzip(await fs.readFile(path.join(DATASET_DIR, 'html', `${id}.html.gz`)));
}

export interface CaptureReport {
  captured: number;
  reused: number;
  seconds: number;
  /** Requests the pages tried to make, every one aborted. */
  blocked: number;
  failures: string[];
}

/** The pages with their captures and titles, making what the cache lacks (everything with `recapture`). */
export async function loadCaptures(options: { recapture?: boolean; log?: (line: string) => void } = {}): Promise<{ pages: CapturedPage[]; report: CaptureReport }> {
  const log = options.log ?? (() => {});
  const pages = await loadPages();
  await fs.mkdir(CAPTURES_DIR, { recursive: true });
  const started = performance.now();
  const missing = options.recapture ? pages : pages.filter((p) => !existsSync(captureFile(p.id)));
  const report: CaptureReport = { captured: 0, reused: pages.length - missing.length, seconds: 0, blocked: 0, failures: [] };
  if (missing.length > 0) {
    log(`Capturing ${missing.length} page(s) in Chromium (JavaScript off, no network) into ${CAPTURES_DIR} …`);
    await capture(missing, report, log);
  }
  let titles = options.recapture ? null : await readTitles();
  if (!titles || pages.some((p) => !titles?.[p.id])) {
    log('Reading the pages’ own titles (jsdom) …');
    titles = await pageTitles(pages);
    await writeAtomically(TITLES_FILE, JSON.stringify(titles, null, 1));
  }
  report.seconds = (performance.now() - started) / 1000;
  const captured: CapturedPage[] = [];
  for (const page of pages) {
    const text = await fs.readFile(captureFile(page.id), 'utf8').catch(() => null);
    if (text === null) continue; // a failed capture, listed in report.failures
    captured.push({ ...page, capture: text, titles: titles[page.id] ?? [] });
  }
  return { pages: captured, report };
}

function captureFile(id: string): string {
  return path.join(CAPTURES_DIR, `${id}.txt`);
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, text);
  await fs.rename(temp, file);
}

async function capture(pages: BenchPage[], report: CaptureReport, log: (line: string) => void): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: the captures need it (apt-get install -y chromium), or a cache made elsewhere in ${CAPTURES_DIR}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No name resolves and nothing is prefetched: even a request the routing missed could not leave.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--dns-prefetch-disable', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', offline: true, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await context.route('**/*', (route) => {
      report.blocked++;
      return route.abort('blockedbyclient');
    });
    let next = 0;
    let done = 0;
    const worker = async () => {
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      while (next < pages.length) {
        const item = pages[next++] as BenchPage;
        try {
          const html = withoutRefresh((await readHtml(item.id)).toString('utf8'));
          // Loaded into about:blank: no URL is fetched for the page itself, and its images,
          // styles and frames are the requests aborted above. A page slow to settle is read as it is.
          await page.setContent(html, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS }).catch((error: Error) => {
            if (!/Timeout/i.test(error.message)) throw error;
          });
          const text = await page.evaluate(() => document.body?.innerText ?? '');
          await writeAtomically(captureFile(item.id), text);
          report.captured++;
        } catch (error) {
          report.failures.push(`${item.id}: ${(error as Error).message.split('\n')[0]}`);
          await page.goto('about:blank').catch(() => {});
        }
        if (++done % 30 === 0) log(`  ${done}/${pages.length}`);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, pages.length) }, worker));
    await context.close();
  } finally {
    await browser.close();
  }
}

/**
 * `<meta http-equiv="refresh">` taken out: a page must not navigate away (one of the set does,
 * after a second, to an "unsupported browser" page) while it is being read. It carries no text.
 */
function withoutRefresh(html: string): string {
  return html.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
}

async function readTitles(): Promise<Record<string, string[]> | null> {
  try {
    return JSON.parse(await fs.readFile(TITLES_FILE, 'utf8')) as Record<string, string[]>;
  } catch {
    return null;
  }
}

/** Each page's own titles, read with jsdom (no scripts, nothing fetched). */
async function pageTitles(pages: BenchPage[]): Promise<Record<string, string[]>> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const titles: Record<string, string[]> = {};
  for (const page of pages) {
    const dom = new JSDOM((await readHtml(page.id)).toString('utf8'), { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
    const document = dom.window.document;
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const site = new Set([clean(document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')), page.host.split('.')[0] ?? ''].map(foldTitle).filter(Boolean));
    const h1s = [...document.querySelectorAll('body h1')].map((h) => clean(h.textContent)).filter((t) => t && !site.has(foldTitle(t)));
    const og = clean(document.querySelector('meta[property="og:title"]')?.getAttribute('content'));
    const title = clean(document.querySelector('title')?.textContent);
    titles[page.id] = [...new Set([...h1s, og, title].filter(Boolean))];
    dom.window.close();
  }
  return titles;
}
