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

// The editor's own inline syntax (wikilinks, footnote references, inline math, highlights), unescaped: GFM
// renders it as plain text, so the HTML cannot tell `[[Note]]` or `==a==` from its escaped text.
const ATOMS = /!?\[\[[^[\]\n]*\]\]|\[\^[^\]\s]+\]|(?<!\\)\$(?!\s)[^$\n]*[^\s$\\]\$(?!\d)|(?<!\\)==[^=\n]+==/g;

function atoms(markdown: string): string {
  return (markdown.match(ATOMS) ?? []).sort().join('\n');
}

/**
 * Whether the editor may show `text` as rich text: it is `roundTrip` (the editor's Markdown for it)
 * or means the same. `context` (the note's definitions) is rendered with both, as the note does.
 */
export function keepsMeaning(text: string, roundTrip: string, context: string): boolean {
  if (roundTrip.trimEnd() === text.trimEnd()) return true;
  // A parser that left `[[Note]]` as text would have it escaped on save.
  if (atoms(text) !== atoms(roundTrip)) return false;
  // The editor reads CRLF as LF and a save writes the note's own line endings back (saveBlocks): that is no
  // change of meaning, though micromark's HTML keeps each ending as written (`<br />\r\n`).
  const lf = text.replace(/\r\n?/g, '\n');
  if (roundTrip.trimEnd() === lf.trimEnd()) return true;
  const suffix = context ? `\n\n${context.replace(/\r\n?/g, '\n')}\n` : '';
  // A block ends with a line ending in its file: without one the HTML lacks its last `\n` (every GFM table
  // was kept raw, its serialisation ending with a newline that its source text did not have).
  const ended = (markdown: string) => (markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return html(`${ended(lf)}${suffix}`) === html(`${ended(roundTrip)}${suffix}`);
}
