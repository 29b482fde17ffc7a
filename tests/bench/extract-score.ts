/**
 * Scoring for the article-extraction bench, the way the Scrapinghub/Zyte benchmark scores (see
 * ../shared/benchmarks/article-extraction/README.md and their evaluate.py), so that our figures
 * compare with their published table; and the rule that says whether an extracted title is right.
 * Pure functions: no files, no importers.
 */

/** `\w+` runs, Unicode (letters, digits, underscore); case is kept, as in evaluate.py. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * 4-token shingles of a text, counted. As in evaluate.py, a text of 1 to 3 tokens is one shorter
 * shingle, and an empty text has none.
 */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** Normalised so that tp + fp + fn = 1 (all 0 when both texts are empty). */
  tp: number;
  fp: number;
  fn: number;
}

/** One page: tp = Σ min, fp = Σ max(0, pred − true), fn = Σ max(0, true − pred), divided by their sum. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const trueCount = t.get(key) ?? 0;
    const predCount = p.get(key) ?? 0;
    tp += Math.min(trueCount, predCount);
    fp += Math.max(0, predCount - trueCount);
    fn += Math.max(0, trueCount - predCount);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Precision, recall and F1 of one page's normalised counts. */
export function prf(score: PageScore): Prf {
  const precision = ratio(score.tp, score.tp + score.fp);
  const recall = ratio(score.tp, score.tp + score.fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

/** The whole set: precision, recall and F1 from the means of tp, fp and fn over the pages. */
export function aggregate(scores: PageScore[]): Prf {
  const mean = (pick: (s: PageScore) => number) => ratio(scores.reduce((sum, s) => sum + pick(s), 0), scores.length);
  return prf({ tp: mean((s) => s.tp), fp: mean((s) => s.fp), fn: mean((s) => s.fn) });
}

/**
 * Carnet's body with its own structure taken off before scoring (`## ` before headings, the `_…_`
 * around captions, `<!-- page N -->` markers), so that only the text is compared: the ground truth
 * is plain text, and `_` is a word character.
 */
export function plainBody(body: string): string {
  return body
    .split('\n\n')
    .filter((p) => !/^<!--.*-->$/.test(p.trim()))
    .map((p) => p.replace(/^#{1,6} /, '').replace(/^_(.*)_$/s, '$1'))
    .join('\n\n');
}

// --- Titles -------------------------------------------------------------------------------------

/** Case, accents, punctuation and spacing folded away: `« L’Été »  2025 !` → `l ete 2025`. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const TITLE_RULE =
  'a title is right when, folded (case, accents, punctuation, spacing), it equals one of the page’s own titles (its <h1>s, og:title, <title>), ' +
  'or one contains the other as whole words and they share ≥ 80% of the longer one’s words';

/** Shared words (as multisets) over the longer title's word count. */
export function titleOverlap(a: string, b: string): number {
  const wa = foldTitle(a).split(' ').filter(Boolean);
  const wb = foldTitle(b).split(' ').filter(Boolean);
  const counts = new Map<string, number>();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wa) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(w, left - 1);
    }
  }
  return ratio(shared, Math.max(wa.length, wb.length));
}

/** The rule of TITLE_RULE. */
export function titleMatches(extracted: string | undefined, references: string[]): boolean {
  const a = foldTitle(extracted ?? '');
  if (a === '') return false;
  return references.some((reference) => {
    const r = foldTitle(reference);
    if (r === '') return false;
    if (a === r) return true;
    const contains = ` ${a} `.includes(` ${r} `) || ` ${r} `.includes(` ${a} `);
    return contains && titleOverlap(a, r) >= 0.8;
  });
}
