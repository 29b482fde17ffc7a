import { approximateMatch } from './approximate.ts';
import { closeness, contextAgreement } from './similarity.ts';
import { fold, foldCached, toFolded, toOriginal, type Folded } from './text-fold.ts';

/**
 * Describing a passage with W3C selectors, and finding it again after the source body was edited.
 * Every comparison happens on folded text (see text-fold.ts); offsets returned are the real ones.
 */

export interface Selectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

export type AnchorResult =
  | { state: 'anchored'; start: number; end: number }
  | { state: 'needs-review'; start: number; end: number; found: string; score: number }
  | { state: 'orphan' };

const INITIAL_CONTEXT = 32;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** An exact occurrence wins outright when its score leads the runner-up by this much. */
const CLEAR_LEAD = 0.2;
/**
 * ...and only when its context vouches for it. The bench's silent moves were all twins: the same
 * sentence elsewhere, taken for an annotated copy that was edited or deleted. So, in this order:
 * - a context longer than GROWN_CONTEXT was grown by describe() because a twin existed (the
 *   quote with its first context occurred twice, or the same words up to the paragraph's edges):
 *   nearly all of it (FULL_CONTEXT) must agree;
 * - else, with enough context inside the paragraph (MIN_PARAGRAPH_CONTEXT chars), all of that
 *   must agree: it moves with a reordered paragraph, and it is what tells twins apart;
 * - else (the quote fills its paragraph) half the context, within NEAR chars of the old place.
 */
const GROWN_CONTEXT = 2 * INITIAL_CONTEXT;
const FULL_CONTEXT = 0.95;
const MIN_PARAGRAPH_CONTEXT = 16;
const HALF_CONTEXT = 0.5;
const NEAR = 2000;

/** The remembered context as far as its paragraph goes, folded. */
function paragraphContext(rawPrefix: string, rawSuffix: string): { prefix: string; suffix: string } {
  const newline = rawSuffix.indexOf('\n');
  return {
    prefix: fold(rawPrefix.slice(rawPrefix.lastIndexOf('\n') + 1)).text.trimStart(),
    suffix: fold(newline === -1 ? rawSuffix : rawSuffix.slice(0, newline)).text.trimEnd(),
  };
}

function trustedPlace(text: string, from: number, to: number, remembered: number, context: number, raw: Selectors['quote']): boolean {
  if (raw.prefix.length >= GROWN_CONTEXT || raw.suffix.length >= GROWN_CONTEXT) return context >= FULL_CONTEXT;
  const { prefix, suffix } = paragraphContext(raw.prefix, raw.suffix);
  if (prefix.length + suffix.length >= MIN_PARAGRAPH_CONTEXT) return text.slice(Math.max(0, from - prefix.length), from) === prefix && text.slice(to, to + suffix.length) === suffix;
  return context >= HALF_CONTEXT && Math.abs(from - remembered) <= NEAR;
}

function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

export function describe(body: string, start: number, end: number): Selectors {
  const exact = body.slice(start, end);
  const folded = foldCached(body).text;
  let context = INITIAL_CONTEXT;
  let from = Math.max(0, start - context);
  let to = Math.min(body.length, end + context);
  // Grow the context until quote-with-context occurs once: the quote alone may repeat (a name, a refrain).
  while ((from > 0 || to < body.length) && occurrences(folded, fold(body.slice(from, to)).text, 2).length > 1) {
    context *= 2;
    from = Math.max(0, start - context);
    to = Math.min(body.length, end + context);
  }
  // A twin passage (same words up to the paragraph's edges) is told apart only by the text beyond
  // them. The context is then grown past GROWN_CONTEXT, which tells anchor() to trust nothing less
  // than nearly all of it: the selectors stay plain W3C ones and still carry the warning.
  if (paragraphTwinExists(body, folded, start, end, from, to)) {
    from = Math.max(0, Math.min(from, start - GROWN_CONTEXT));
    to = Math.min(body.length, Math.max(to, end + GROWN_CONTEXT));
  }
  // Whole words: a context cut mid-word is brittle against the slightest edit at its edge.
  while (from > 0 && WORD_CHAR.test(body[from - 1] ?? '') && WORD_CHAR.test(body[from] ?? '')) from--;
  while (to < body.length && WORD_CHAR.test(body[to] ?? '') && WORD_CHAR.test(body[to - 1] ?? '')) to++;
  return {
    quote: { exact, prefix: body.slice(from, start), suffix: body.slice(end, to) },
    position: { start, end },
  };
}

function paragraphTwinExists(body: string, folded: string, start: number, end: number, from: number, to: number): boolean {
  const before = body.slice(from, start);
  const after = body.slice(end, to);
  const inParagraph = before.slice(before.lastIndexOf('\n') + 1) + body.slice(start, end) + (after.includes('\n') ? after.slice(0, after.indexOf('\n')) : after);
  return occurrences(folded, fold(inParagraph).text, 2).length > 1;
}

function result(body: string, folded: Folded, from: number, to: number, exact: boolean, score: number): AnchorResult {
  const { start, end } = toOriginal(folded, from, to);
  return exact ? { state: 'anchored', start, end } : { state: 'needs-review', start, end, found: body.slice(start, end), score };
}

export function anchor(body: string, selectors: Selectors): AnchorResult {
  const folded = foldCached(body);
  const quote = fold(selectors.quote.exact).text;
  const prefix = fold(selectors.quote.prefix).text;
  const suffix = fold(selectors.quote.suffix).text;
  if (quote.trim().length === 0) return { state: 'orphan' };
  const { start, end } = selectors.position;

  // (a) The position still holds the quote. The context must not contradict it, else a repeated
  // quote that slid under the old offsets would be taken for the annotated one; (b) decides then.
  if (start <= end && end <= body.length && fold(body.slice(start, end)).text === quote) {
    const from = toFolded(folded, start);
    const agreement = contextAgreement(folded.text, from, from + quote.length, prefix, suffix, false);
    if (agreement > 0 || occurrences(folded.text, quote, 2).length === 1) return { state: 'anchored', start, end };
  }

  // (b) Exact occurrences of the folded quote, scored by context, then closeness to the old place.
  const remembered = toFolded(folded, start);
  const scored = occurrences(folded.text, quote, 1000)
    .map((at) => ({
      at,
      score: contextAgreement(folded.text, at, at + quote.length, prefix, suffix, false) + 0.1 * closeness(at, remembered, folded.text.length),
    }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best !== undefined) {
    const context = contextAgreement(folded.text, best.at, best.at + quote.length, prefix, suffix, false);
    const to = best.at + quote.length;
    const trusted = trustedPlace(folded.text, best.at, to, remembered, context, selectors.quote);
    const clear = (second === undefined || best.score - second.score >= CLEAR_LEAD) && trusted;
    // Several equally plausible occurrences, or a foreign context: show the likeliest, but ask.
    return result(body, folded, best.at, best.at + quote.length, clear, Math.min(1, best.score / 1.1));
  }

  // (c) Approximate: never "anchored", the reader confirms what was found.
  const match = approximateMatch(folded.text, quote, prefix, suffix, remembered);
  return match === undefined ? { state: 'orphan' } : result(body, folded, match.from, match.to, false, match.score);
}
