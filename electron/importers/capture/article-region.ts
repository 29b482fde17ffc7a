import type { LineClass } from './classify-lines.ts';

/**
 * The article as one stretch of the capture: the run of lines whose prose outweighs the chrome in
 * it, found as the maximum-sum run (Kadane) where article lines count their length and chrome lines
 * count against. A second part of the article past a block of teasers joins when it outweighs them.
 */

/** What a chrome line costs on top of its length: a menu of ten one-word lines weighs as much as a paragraph. */
const CHROME_LINE = 40;

export interface Region {
  start: number;
  /** Exclusive. */
  end: number;
  weight: number;
}

export function articleRegion(classes: LineClass[], lengths: number[]): Region | null {
  let best: Region | null = null;
  let start = 0;
  let sum = 0;
  for (let i = 0; i < classes.length; i++) {
    const length = lengths[i] ?? 0;
    const score = classes[i] === 'good' ? length : -(length + CHROME_LINE);
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += score;
    if (sum > 0 && (!best || sum > best.weight)) best = { start, end: i + 1, weight: sum };
  }
  return best;
}

/**
 * The heaviest run, then the heaviest ones left of it and right of it, and so on: the stretches of
 * a capture that could be the article (a short article can weigh less than a page's comments or
 * its legal notes; the caller weighs them with other evidence).
 */
export function candidateRegions(classes: LineClass[], lengths: number[], limit = 6): Region[] {
  const found: Region[] = [];
  const search = (from: number, to: number) => {
    if (to <= from || found.length >= limit * 4) return;
    const best = articleRegion(classes.slice(from, to), lengths.slice(from, to));
    if (!best) return;
    const region = { start: best.start + from, end: best.end + from, weight: best.weight };
    found.push(region);
    search(from, region.start);
    search(region.end, to);
  };
  search(0, classes.length);
  return found.sort((a, b) => b.weight - a.weight).slice(0, limit);
}
