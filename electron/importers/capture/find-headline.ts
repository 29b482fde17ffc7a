import type { LineFeatures } from './line-features.ts';
import { bylineLike, fileNameWords, isGenre, isTitleShaped, stampLike, titleScore, type Repeat } from './capture-title.ts';
import { isByline, isProse, type Line } from './capture-lines.ts';

/**
 * Where a capture's headline is: the likeliest title-shaped line above the article (the scores are
 * capture-title.ts's), or, when no article was found, the first title-like line with prose under it.
 */

/** The headline: the likeliest title-shaped line before the article's first prose (capture/capture-title.ts). */
export function titleBefore(lines: Line[], features: LineFeatures[], start: number, from: number, fileName: string): number {
  let first = start;
  while (first < lines.length && first < start + 3 && !isProse(lines[first]!.text)) first++;
  const fileWords = fileNameWords(fileName);
  const folded = new FoldedLines(lines);
  let best = -1;
  let bestScore = -Infinity;
  // Share buttons, links and the like between the headline and the article do not put it further away.
  let distance = -1;
  for (let k = first - 1; k >= from && distance < TITLE_REACH && k >= first - 3 * TITLE_REACH; k--) {
    const text = lines[k]!.text;
    if (!features[k]!.chromePhrase && !features[k]!.dataLike) distance++;
    if (isByline(text)) continue;
    const bylineAfter = lines.slice(k + 1, k + 5).findIndex((line) => isByline(line.text) || bylineLike(line.text)) + 1;
    const datedAfter = k + 1 < lines.length && (isByline(lines[k + 1]!.text) || stampLike(lines[k + 1]!.text));
    if (!isTitleShaped(text, features[k]!, datedAfter && features[k]!.words <= 20)) continue;
    const score = titleScore({ text, features: features[k]!, distance: Math.max(0, distance), bylineAfter, repeated: repeatedAs(lines, folded, k), standfirstAfter: standfirstAfter(lines, features, k) }, fileWords);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best !== -1 ? best : findTitle(lines, from);
}

/** Case, accents, punctuation and spacing aside: how a headline reads inside "34 responses to “…”". */
function foldLine(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Where else line `k` comes: `inside` a longer line that is not a paragraph ("34 responses to “…”",
 * a breadcrumb), `alone` (as menus repeat their items), or `none`. A lede's first sentence comes
 * again inside its paragraph as a teaser; that is no sign of a headline.
 */
function repeatedAs(lines: Line[], folded: FoldedLines, k: number): Repeat {
  const own = folded.at(k);
  if (own.length < 12) return 'none';
  let found: Repeat = 'none';
  for (let i = Math.max(0, k - REPEAT_REACH); i < Math.min(lines.length, k + REPEAT_REACH); i++) {
    const other = folded.at(i);
    if (i === k || !other.includes(own)) continue;
    if (other === own) found = 'alone';
    else if (other.length <= 2 * own.length + 40 || !isProse(lines[i]!.text)) return 'inside';
  }
  return found;
}

/** How many lines either side of a headline its repeats are looked for: a page's comments and footer, not a 200 MB paste. */
const REPEAT_REACH = 3000;

/** Lines folded as they are first asked for: the headline's candidates look at a few thousand lines, not all. */
class FoldedLines {
  private readonly cache = new Map<number, string>();
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }
  at(index: number): string {
    let folded = this.cache.get(index);
    if (folded === undefined) this.cache.set(index, (folded = foldLine(this.lines[index]!.text)));
    return folded;
  }
}

/** Under a headline, often, a longer line that sums it up before the byline. */
function standfirstAfter(lines: Line[], features: LineFeatures[], k: number): boolean {
  // A genre label ("Editorial", "Analysis") may stand between them.
  const at = k + 1 < lines.length && isGenre(lines[k + 1]!.text) ? k + 2 : k + 1;
  const next = features[at];
  if (!next || isByline(lines[at]!.text) || bylineLike(lines[at]!.text)) return false;
  return next.words >= features[k]!.words * 1.5 && next.words >= 8 && next.words <= 60 && next.stopShare > 0.1 && !next.chromePhrase;
}

/** How far before the article a headline may stand: past a byline, a photo and its credit, share buttons. */
const TITLE_REACH = 30;

export function findTitle(lines: Line[], from: number): number {
  for (let i = from; i < Math.min(lines.length, from + 15); i++) {
    if (!looksLikeTitle(lines[i]!.text)) continue;
    const next = lines.slice(i + 1, i + 5);
    if (next.some((l) => isProse(l.text))) return i;
  }
  return -1;
}

function looksLikeTitle(line: string): boolean {
  return line.length >= 12 && line.length <= 250 && line.split(/\s+/).length >= 3 && !/[.;,:]$/.test(line) && !isByline(line);
}

export function headlineBefore(lines: Line[], features: LineFeatures[], start: number, from: number): boolean {
  for (let k = start - 1; k >= Math.max(from, start - 12); k--) {
    const text = lines[k]!.text;
    if (!isTitleShaped(text, features[k]!) || isByline(text)) continue;
    if (lines.slice(k + 1, Math.min(lines.length, k + 5)).some((line) => isByline(line.text) || bylineLike(line.text))) return true;
  }
  return false;
}
