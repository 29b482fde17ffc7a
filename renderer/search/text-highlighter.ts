/**
 * Finds words in what the centre pane shows and highlights them with the CSS Custom Highlight
 * API: nothing in the page (or in the editor's document) is changed, so it works alike in the
 * reader and in TipTap. Matching ignores case and accents: `hanoi` finds `Hà Nội`… when typed so.
 */

export function foldChar(char: string): string {
  const folded = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (folded === 'đ') return 'd';
  return folded.length === 1 ? folded : char.toLowerCase();
}

interface FoldedText {
  text: string;
  node: Text;
}

function textNodes(root: Node): FoldedText[] {
  const out: FoldedText[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.trim()) out.push({ text: [...text.data].map(foldChar).join(''), node: text });
  }
  return out;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Ranges of every occurrence of the terms (each term may span spaces, as phrases do) inside `root`.
 * With `wholeWords`, "ha" does not light up inside "Thaïlande".
 */
export function findRanges(root: Node, terms: string[], wholeWords = false): Range[] {
  const wanted = [...new Set(terms.map((t) => [...t.trim()].map(foldChar).join('')).filter((t) => t.length > 0))];
  if (wanted.length === 0) return [];
  const ranges: Range[] = [];
  for (const { text, node } of textNodes(root)) {
    // Folding keeps one character per character, so offsets in the folded text are offsets in the node.
    if (text.length !== node.data.length) continue;
    for (const term of wanted) {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
        if (wholeWords && (LETTER.test(text[at - 1] ?? '') || LETTER.test(text[at + term.length] ?? ''))) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + term.length);
        ranges.push(range);
      }
    }
  }
  return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
}

type HighlightRegistry = Map<string, unknown> & { delete(name: string): boolean };
interface HighlightConstructor {
  new (...ranges: Range[]): unknown;
}

function registry(): { highlights: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const css = (globalThis as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightConstructor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

export function showHighlight(name: string, ranges: Range[]): void {
  const api = registry();
  if (!api) return;
  if (ranges.length === 0) api.highlights.delete(name);
  else api.highlights.set(name, new api.Highlight(...ranges));
}

export function clearHighlight(name: string): void {
  registry()?.highlights.delete(name);
}

export function scrollToRange(range: Range): void {
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
