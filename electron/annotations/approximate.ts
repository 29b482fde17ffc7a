import search from 'approx-string-match';
import { closeness, contextAgreement } from './similarity.ts';

/**
 * Step (c) of anchoring: the quote with typos. Candidates come from approx-string-match (Myers),
 * searched on folded text. It returns overlapping ties (35–87, 35–88, 35–89 with equal errors), so
 * every candidate is scored here and the best kept.
 */

export interface ApproximateMatch {
  from: number;
  to: number;
  score: number;
}

/**
 * Weighted score in [0, 1]: the quote's own similarity counts most, then the context, then how
 * close it stays to the old position (a paragraph may have moved, so closeness counts least).
 */
const QUOTE_WEIGHT = 0.5;
const CONTEXT_WEIGHT = 0.35;
const CLOSENESS_WEIGHT = 0.15;
/**
 * Accept threshold. A typo in an intact passage, in place, scores ≈ 0.97–1. A quote-sized stretch
 * of unrelated text at the error limit (≤ 20 % errors) with unrelated context scores at most about
 * 0.4 + 0.35 × 0.3 + 0.15 ≈ 0.66, so 0.75 keeps a margin above chance. The price: an edited passage
 * that also lost its context and moved far away falls below it and is orphaned, not guessed.
 */
export const ACCEPT_THRESHOLD = 0.75;
/** Myers works in 32-char blocks: errors beyond this cost time without finding a credible match. */
const MAX_ERRORS_CAP = 64;
/** Window searched first around the old position for long quotes (chars on each side, plus 4 quote lengths). */
const WINDOW_MARGIN = 2000;

export function maxErrorsFor(length: number): number {
  return Math.min(Math.floor(length / 5), MAX_ERRORS_CAP);
}

function bestIn(body: string, offset: number, quote: string, prefix: string, suffix: string, remembered: number, bodyLength: number): ApproximateMatch | undefined {
  const maxErrors = maxErrorsFor(quote.length);
  if (maxErrors === 0) return undefined;
  let best: ApproximateMatch | undefined;
  for (const match of search(body, quote, maxErrors)) {
    const from = match.start + offset;
    const to = match.end + offset;
    if (to <= from) continue;
    const quoteSimilarity = 1 - match.errors / Math.max(quote.length, to - from);
    const score =
      QUOTE_WEIGHT * quoteSimilarity +
      CONTEXT_WEIGHT * contextAgreement(body, match.start, match.end, prefix, suffix, true) +
      CLOSENESS_WEIGHT * closeness(from, remembered, bodyLength);
    // Ties: the span whose length is nearest the quote's, then the earliest.
    const better =
      best === undefined ||
      score > best.score + 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 && Math.abs(to - from - quote.length) < Math.abs(best.to - best.from - quote.length));
    if (better) best = { from, to, score };
  }
  return best;
}

/**
 * Long quotes are searched in a window around the old position first (the usual case: a typo fixed
 * in place), and in the whole body only when the window holds nothing acceptable. A window rather
 * than "first and last 32 chars joined": it keeps one Myers search over the whole quote, so the
 * error count covers the middle of the passage too.
 */
export function approximateMatch(body: string, quote: string, prefix: string, suffix: string, remembered: number): ApproximateMatch | undefined {
  const margin = WINDOW_MARGIN + 4 * quote.length;
  if (body.length > 2 * margin + quote.length) {
    const from = Math.max(0, remembered - margin);
    const windowText = body.slice(from, remembered + quote.length + margin);
    const local = bestIn(windowText, from, quote, prefix, suffix, remembered, body.length);
    if (local !== undefined && local.score >= ACCEPT_THRESHOLD) return local;
  }
  const global = bestIn(body, 0, quote, prefix, suffix, remembered, body.length);
  return global !== undefined && global.score >= ACCEPT_THRESHOLD ? global : undefined;
}
