import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { SourceBlock } from './markdown-blocks.ts';
import type { RawKind } from './schema/raw-markdown.ts';

/**
 * Which blocks of a note the editor keeps as raw Markdown instead of rich text. Some constructs
 * have no editor node (HTML blocks, callouts, display math, footnotes, definitions); for the rest
 * the test is the meaning: a block whose trip through the editor would render differently
 * (CommonMark + GFM, by micromark) is kept as written, so editing around it can never alter it.
 */

const CALLOUT = /^ {0,3}>[ \t]*\[![\w-]+\][+-]?/;
const DISPLAY_MATH = /^ {0,3}\$\$/;

export function declaredKind(block: SourceBlock): RawKind | null {
  const type = block.type.split('+')[0];
  if (block.type.includes('+')) return 'markdown';
  if (type === 'html') return 'html';
  if (type === 'footnoteDefinition') return 'footnote';
  if (type === 'definition') return 'definition';
  if (type === 'blockquote' && CALLOUT.test(block.text)) return 'callout';
  if (type === 'paragraph' && DISPLAY_MATH.test(block.text)) return 'math';
  return null;
}

function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/**
 * Whether the editor may show `text` as rich text: it is `roundTrip` (the editor's Markdown for it)
 * or means the same. `context` (the note's definitions) is rendered with both, as the note does.
 */
export function keepsMeaning(text: string, roundTrip: string, context: string): boolean {
  if (roundTrip.trimEnd() === text.trimEnd()) return true;
  const suffix = context ? `\n\n${context}\n` : '';
  return html(`${text}${suffix}`) === html(`${roundTrip}${suffix}`);
}
