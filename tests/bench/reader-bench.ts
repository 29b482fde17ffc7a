/**
 * Reader benchmark: a 10,000-word source with 10, 100 and 1,000 annotations (overlaps included),
 * opened in the built renderer through the web host in Debian's Chromium. Prints (1) render time:
 * click in the sources list → the frame after the text shows every highlight (and the first cards),
 * and after every card is in the pane, median of 5 opens (target < 100 ms at 1,000); (2) selection → toolbar visible: a selection made
 * in the body and the mouse released → the toolbar placed and visible, median and p95 of 30
 * (target < 50 ms). Figures, not pass/fail: never part of `npm test`.
 *
 *   node tests/bench/reader-bench.ts        (run `npm run build` first: it measures dist/renderer as built)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe } from '../../electron/annotations/anchoring.ts';
import { e2eUnavailable, RENDERER_DIR, startHarness } from '../helpers/browser.ts';
import { sampleVaultCopy } from '../helpers/temp-dir.ts';

const WORDS = 10_000;
const COUNTS = [10, 100, 1000];
const OPENS = 5;
const SELECTIONS = 30;
const VOCABULARY = 'le la les des délégués coopération régionale traite êtres humains Hà Nội Phnom Penh Vientiane frontière police victimes recrutement numérique ministres plan réunion accord protection enquête réseau passeurs travail forcé Mékong'.split(' ');

function body(): string {
  const paragraphs: string[] = [];
  let seed = 7;
  let words = 0;
  while (words < WORDS) {
    const sentence: string[] = [];
    const length = 60 + (seed % 40);
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      sentence.push(VOCABULARY[seed % VOCABULARY.length] as string);
    }
    words += length;
    paragraphs.push(`${sentence.join(' ')} (paragraphe ${paragraphs.length + 1}).`);
  }
  return `${paragraphs.join('\n\n')}\n`;
}

async function writeSource(vault: string, count: number, text: string): Promise<string> {
  const id = `bench-reader-${count}`;
  const title = `Bench reader ${count} annotations`;
  await fs.writeFile(path.join(vault, 'sources', `${id}.md`), `---\nid: ${id}\ntitle: "${title}"\nimported: 2026-11-25T00:00:00.000Z\n---\n${text}`);
  const annotations = [];
  const colors = ['#ffd400', '#ff6666', '#5fb236', '#2ea8e5', '#a28ae5'];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i / count) * (text.length - 200));
    // Every seventh passage overlaps the next one: stacked tints are part of what is measured.
    const end = start + (i % 7 === 0 ? 160 : 40 + (i % 30));
    const selectors = describe(text, start, end);
    annotations.push({ id: `b${i}`, created: '2026-11-25T00:00:00Z', updated: '2026-11-25T00:00:00Z', quote: { type: 'TextQuoteSelector', ...selectors.quote }, position: { type: 'TextPositionSelector', ...selectors.position }, comment: i % 3 === 0 ? `Commentaire **${i}**` : '', codes: i % 2 ? ['code-cooperation'] : [], color: colors[i % 5] });
  }
  await fs.writeFile(path.join(vault, 'annotations', `${id}.json`), JSON.stringify({ source: id, annotations }, null, 2));
  return title;
}

/**
 * Clicks the list item in the page and times, to the frame after: (1) the text with every highlight
 * and the first cards; (2) every card in the pane (the pane renders the rest a frame later).
 */
async function timeOpen(page: Page, title: string, count: number): Promise<{ text: number; cards: number }> {
  return page.evaluate(
    ({ wanted, expected }) =>
      new Promise<{ text: number; cards: number }>((resolve) => {
        const item = [...document.querySelectorAll<HTMLElement>('.sidebar .item')].find((element) => element.textContent?.includes(wanted));
        const start = performance.now();
        let text = 0;
        const painted = (then: (at: number) => void) => requestAnimationFrame(() => setTimeout(() => then(performance.now() - start), 0));
        item?.click();
        const check = () => {
          const marks = new Set([...document.querySelectorAll('.reader-body mark')].flatMap((m) => (m.getAttribute('data-annotations') ?? '').split(' '))).size;
          const cards = document.querySelectorAll('.annotation-card').length;
          if (text === 0 && marks >= expected && cards > 0) {
            text = -1;
            painted((at) => (text = at));
          }
          if (cards >= expected && text > 0) painted((at) => resolve({ text, cards: at }));
          else setTimeout(check, 1);
        };
        check();
      }),
    { wanted: title, expected: count },
  );
}

async function timeToolbar(page: Page, trial: number): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const runs = [...document.querySelectorAll('.reader-body p > span')].filter((s) => (s.textContent ?? '').length > 60);
        const run = runs[(n * 37) % runs.length] as HTMLElement;
        run.scrollIntoView({ block: 'center' });
        run.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
        const text = run.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, 5);
        range.setEnd(text, 45);
        const selection = window.getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        const start = performance.now();
        run.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        const check = () => {
          const bar = document.querySelector<HTMLElement>('.selection-toolbar');
          if (bar && bar.style.visibility === 'visible') requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          else requestAnimationFrame(check);
        };
        check();
      }),
    trial,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? Number.NaN;

async function main(): Promise<void> {
  const unavailable = e2eUnavailable();
  if (unavailable) throw new Error(`Reader bench needs Chromium and a build: ${unavailable}`);
  await fs.access(RENDERER_DIR);
  const vault = await sampleVaultCopy();
  const text = body();
  const titles = new Map<number, string>();
  for (const count of COUNTS) titles.set(count, await writeSource(vault.dir, count, text));
  const harness = await startHarness(vault.dir);
  const { page } = harness;
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.sidebar .item').first().waitFor();
    console.log(`Reader: a ${WORDS.toLocaleString('en')}-word source (${text.length.toLocaleString('en')} characters), median of ${OPENS} opens`);
    for (const count of COUNTS) {
      const text: number[] = [];
      const cards: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        await page.locator('.sidebar .item').filter({ hasText: 'COMMIT: six countries' }).click();
        await page.locator('.reader h1', { hasText: 'COMMIT: six countries' }).waitFor();
        const sample = await timeOpen(page, titles.get(count) as string, count);
        text.push(sample.text);
        cards.push(sample.cards);
      }
      console.log(`  ${String(count).padStart(5)} annotations: text with every highlight ${median(text).toFixed(0)} ms (min ${Math.min(...text).toFixed(0)}), every card ${median(cards).toFixed(0)} ms (min ${Math.min(...cards).toFixed(0)})${count === 1000 ? '  target < 100 ms' : ''}`);
    }
    const toolbar: number[] = [];
    for (let i = 0; i < SELECTIONS; i++) {
      toolbar.push(await timeToolbar(page, i));
      await page.keyboard.press('Escape');
    }
    console.log(`Selection → toolbar visible (1,000 annotations on the page), ${SELECTIONS} selections: median ${median(toolbar).toFixed(1)} ms, p95 ${p95(toolbar).toFixed(1)} ms  target < 50 ms`);
    if (harness.errors.length > 0) console.log(`Page errors: ${harness.errors.join(' | ')}`);
  } finally {
    await harness.close();
    await vault.remove();
  }
}

await main();
