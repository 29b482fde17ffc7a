/**
 * Codebook benchmark: the sample vault plus 50 and 5,000 codes (a tree: one code in ten at the top
 * level, nine sub-codes under each), with a bench source whose passages carry some of them, opened in
 * the built renderer through the web host in Debian's Chromium. Prints, median of 5, from a click to
 * the frame after: (1) the Codes tab (Sources → Codes): its first rows on screen, and every row in
 * the list; (2) the Matrix, (3) the Co-occurrence table and (4) the Coded passages view, each opened
 * from the Codes tab's bar (from the trash). Targets with 5,000 codes: Codes tab < 250 ms, Matrix < 1 s.
 * Times are taken in the page (Playwright's role queries over 25,000 buttons would dwarf them).
 * Figures, not pass/fail: never part of `npm test`.
 *
 *   node tests/bench/codebook-bench.ts        (run `npm run build` first: it measures dist/renderer as built)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe } from '../../electron/annotations/anchoring.ts';
import { e2eUnavailable, RENDERER_DIR, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';

const COUNTS = (process.env.CODES ?? '50,5000').split(',').map(Number);
const OPENS = 5;
/** Codes put on the bench source's passages (so the matrix has counts and some codes meet). */
const USED = 40;
const PASSAGES = 120;
const NAMES = ['🇻🇳 Hà Nội', 'a/b', '"quoted"', 'Phnom Penh', 'coopération régionale'];

async function vaultWith(count: number): Promise<{ dir: string; remove: () => Promise<void>; total: number }> {
  const vault = await sampleVaultCopy();
  const file = path.join(vault.dir, 'codebook.json');
  const book = JSON.parse(await fs.readFile(file, 'utf8')) as { codes: Record<string, unknown>[] };
  for (let i = 0; i < count; i++) {
    book.codes.push({ id: `bench-${i}`, name: `Code ${i} ${NAMES[i % NAMES.length]}`, color: ['#336699', '#9333ea', '#d97706'][i % 3], description: i % 7 ? '' : `Description ${i}`, ...(i % 10 ? { parent: `bench-${i - (i % 10)}` } : {}) });
  }
  await fs.writeFile(file, JSON.stringify(book));
  // A source whose passages overlap in pairs, each coded with one or two of the first USED codes.
  const paragraphs = Array.from({ length: PASSAGES }, (_, i) => `Paragraphe ${i + 1} : la coopération régionale contre la traite des êtres humains dans la région du Mékong, réunion ${i}.`);
  const text = `${paragraphs.join('\n\n')}\n`;
  const id = 'bench-codebook';
  await fs.writeFile(path.join(vault.dir, 'sources', `${id}.md`), `---\nid: ${id}\ntitle: "Bench codebook source"\nimported: 2026-11-25T00:00:00.000Z\n---\n${text}`);
  const used = Math.min(USED, count);
  const annotations = [];
  let at = 0;
  for (let i = 0; i < PASSAGES; i++) {
    const start = text.indexOf('coopération', at);
    at = start + 1;
    const end = start + (i % 2 ? 40 : 60);
    const selectors = describe(text, start, end);
    const codes = [`bench-${(i * 7) % used}`, ...(i % 3 ? [`bench-${(i * 13 + 1) % used}`] : [])];
    annotations.push({ id: `a${i}`, created: '2026-11-25T00:00:00Z', updated: '2026-11-25T00:00:00Z', quote: { type: 'TextQuoteSelector', ...selectors.quote }, position: { type: 'TextPositionSelector', ...selectors.position }, comment: '', codes: [...new Set(codes)] });
  }
  await fs.writeFile(path.join(vault.dir, 'annotations', `${id}.json`), JSON.stringify({ source: id, annotations }, null, 2));
  return { ...vault, total: book.codes.length };
}

/**
 * Clicks the element and times, to the frame after: the first time `first` matches, and the first
 * time `all` elements match `complete`.
 */
async function timeClick(page: Page, click: string, text: string, first: string, complete: string, all: number): Promise<{ first: number; complete: number }> {
  return page.evaluate(
    ({ click, text, first, complete, all }) =>
      new Promise<{ first: number; complete: number }>((resolve, reject) => {
        const target = [...document.querySelectorAll<HTMLElement>(click)].find((element) => element.textContent?.includes(text));
        if (!target) return reject(new Error(`nothing to click: ${click} ${text}`));
        const start = performance.now();
        // The frame after: a user-blocking task runs as soon as the frame is painted, before rows a view adds in later tasks.
        const { scheduler } = globalThis as unknown as { scheduler?: { postTask: (task: () => void, options: { priority: string }) => void } };
        const after = (task: () => void) => (scheduler ? scheduler.postTask(task, { priority: 'user-blocking' }) : setTimeout(task, 0));
        const painted = (then: (at: number) => void) => requestAnimationFrame(() => after(() => then(performance.now() - start)));
        let shown = 0;
        target.click();
        const check = () => {
          if (shown === 0 && document.querySelector(first)) {
            shown = -1;
            painted((at) => (shown = at));
          }
          if (shown > 0 && document.querySelectorAll(complete).length >= all) painted((at) => resolve({ first: shown, complete: at }));
          else if (performance.now() - start > 60_000) reject(new Error(`timed out: ${complete} ${document.querySelectorAll(complete).length}/${all}`));
          else setTimeout(check, 1);
        };
        check();
      }),
    { click, text, first, complete, all },
  );
}

/** Focuses the matrix's first cell, presses Ctrl+End, and times until the last row's cell has focus, to the frame after. */
async function timeLastRow(page: Page, last: number): Promise<number> {
  return page.evaluate(
    (last) =>
      new Promise<number>((resolve, reject) => {
        const cell = document.querySelector<HTMLElement>('.code-table.matrix [data-row="0"][data-col="1"]');
        if (!cell) return reject(new Error('no first cell'));
        cell.focus();
        const start = performance.now();
        cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true, cancelable: true }));
        const check = () => {
          if ((document.activeElement as HTMLElement | null)?.dataset.row === String(last)) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          else if (performance.now() - start > 60_000) reject(new Error(`Ctrl+End: focus on ${(document.activeElement as HTMLElement | null)?.dataset.row}`));
          else setTimeout(check, 1);
        };
        check();
      }),
    last,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const figure = (samples: { first: number; complete: number }[], same = false) => {
  const first = median(samples.map((s) => s.first));
  const complete = median(samples.map((s) => s.complete));
  return same || Math.abs(complete - first) < 1 ? `${first.toFixed(0)} ms` : `${first.toFixed(0)} ms first screen, ${complete.toFixed(0)} ms complete`;
};

async function bench(count: number): Promise<void> {
  const vault = await vaultWith(count);
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.sidebar .item').first().waitFor();
    const tab: { first: number; complete: number }[] = [];
    for (let i = 0; i < OPENS; i++) {
      await page.locator('#tab-sources').click();
      await page.locator('#sidebar-list .item', { hasText: 'COMMIT: six countries' }).waitFor();
      tab.push(await timeClick(page, '#tab-codes', 'Codes', '#sidebar-list .code-row', '#sidebar-list .code-row', vault.total));
    }
    // The tables render their first rows, and more as the end of them comes near (or the keyboard goes there).
    const views: [string, string, string, string, number][] = [
      ['Matrix', '.codebook-view', 'Matrix', '.code-table.matrix tbody tr', 1],
      ['Co-occurrence', '.codebook-view', 'Co-occurrence', '.code-table.cooccurrence tbody tr', 1],
      ['Coded passages', '.codebook-view', 'Coded passages', '.passages-view .passage-card', 1],
    ];
    const results: string[] = [];
    for (const [label, click, text, done, all] of views) {
      const samples: { first: number; complete: number }[] = [];
      for (let i = 0; i < OPENS; i++) {
        await page.locator('.sidebar-footer .footer-link').first().click();
        await page.locator('.list-view .reader-header h1').first().waitFor();
        samples.push(await timeClick(page, click, text, done, done, all));
      }
      results.push(`${label} ${figure(samples, true)}`);
    }
    // Ctrl+End in the matrix: from its first cell to its last row, rendered and focused.
    const ends: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      await page.locator('.sidebar-footer .footer-link').first().click();
      await page.locator('.list-view .reader-header h1').first().waitFor();
      await page.locator('.codebook-view', { hasText: 'Matrix' }).click();
      await page.locator('.code-table.matrix [data-row="0"][data-col="1"]').waitFor();
      ends.push(await timeLastRow(page, vault.total - 1));
    }
    results.push(`Matrix Ctrl+End to row ${vault.total.toLocaleString('en')} ${median(ends).toFixed(0)} ms`);
    console.log(`  ${count.toLocaleString('en').padStart(5)} codes (${vault.total.toLocaleString('en')} with the sample's): Codes tab ${figure(tab)}${count >= 5000 ? ' (target < 250 ms)' : ''}; ${results.join('; ')}${count >= 5000 ? ' (Matrix target < 1 s)' : ''}`);
    if (harness.errors.length > 0) console.log(`  Page errors: ${harness.errors.join(' | ')}`);
  } finally {
    await harness.close();
    await vault.remove();
  }
}

async function main(): Promise<void> {
  const unavailable = e2eUnavailable();
  if (unavailable) throw new Error(`Codebook bench needs Chromium and a build: ${unavailable}`);
  await fs.access(RENDERER_DIR);
  console.log(`Codebook: click → frame after, median of ${OPENS} opens`);
  for (const count of COUNTS) await bench(count);
}

await main();
