import Paragraph from '@tiptap/extension-paragraph';
import { Extension, type Editor } from '@tiptap/core';

/**
 * Text the user typed must never become structure on the next load (@tiptap/markdown #8134):
 * a paragraph line that starts like a heading, a list item, a quote, a fence, a table or a thematic
 * break gets the backslash escape CommonMark defines, and inline escapes are kept to the characters
 * that could really start syntax, so `snake_case`, `a ~ b`, `x = 1` and `5 $ each` stay as typed.
 */

// After up to three spaces: an ATX heading, a bullet, a quote, an ordered marker, a fence (of backticks only
// when no backtick follows: ``` `` a `` ``` is a code span), or a line that is only a setext underline or a thematic break.
const LINE_START = /^( {0,3})(#{1,6}(?=[ \t]|$)|[-+*](?=[ \t]|$)|>|\d{1,9}(?=[.)](?:[ \t]|$))|`{3,}(?=[^`]*$)|~{3,}|(?:=[ \t]*)+$|(?:-[ \t]*)+$|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
// A GFM table's delimiter row under a paragraph line would turn both into a table.
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((typed) => {
      // Leading spaces mean nothing in a paragraph, but four of them would make a code block.
      const line = typed.replace(/^[ \t]+/, '');
      const match = LINE_START.exec(line);
      // marked takes a delimiter row without pipes too (`a\n--:` is a one-column table).
      if (!match) return DELIMITER_ROW.test(line) ? line.replace('-', '\\-') : line;
      const indent = match[1] ?? '';
      const rest = line.slice(indent.length);
      // An ordered list marker is escaped on its delimiter: `1\.`, as users write it.
      const number = /^\d{1,9}(?=[.)])/.exec(rest);
      if (number) return `${indent}${number[0]}\\${rest.slice(number[0].length)}`;
      return `${indent}\\${rest}`;
    })
    .join('\n');
}

export function escapeInline(text: string): string {
  return text.replace(/[\\`*[\]]|_+|~+|=+|\$/g, (found, offset: number) => {
    // What is beside the run in this text node; '' at its ends, where another node or a mark may follow.
    const before = text[offset - 1] ?? '';
    const after = text[offset + found.length] ?? '';
    if (found.startsWith('_')) {
      // An underscore inside a word cannot open or close emphasis.
      return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? found : found.replace(/_/g, '\\_');
    }
    if (found.startsWith('~')) {
      // GFM strikes through between single tildes too (`~tilde~`, `a~b~c`), which may sit in two text nodes:
      // only a lone tilde between spaces can neither open nor close, and stays as typed.
      return found.length === 1 && /\s/u.test(before) && /\s/u.test(after) ? found : found.replace(/~/g, '\\~');
    }
    if (found.startsWith('=')) {
      // `==a==` is a highlight: a lone `=` inside the text (`x = 1`, `a=b`) cannot make one.
      return found.length === 1 && before !== '' && after !== '' ? found : found.replace(/=/g, '\\=');
    }
    // `$x$` is inline math (a rawInline atom) and `$$` a math block: a `$` before a space cannot open either.
    if (found === '$') return /\s/u.test(after) ? found : '\\$';
    return `\\${found}`;
  });
}

export const EscapingParagraph = Paragraph.extend({
  renderMarkdown(node, helpers, context) {
    const rendered = this.parent?.(node, helpers, context) ?? '';
    // Spaces at the end of a paragraph mean nothing in Markdown (two would even read as a line break later).
    return escapeLineStarts(rendered).replace(/[ \t]+$/, '');
  },
});

interface TextNode {
  marks?: { type: string }[];
}

interface EscapingManager {
  escapeMarkdownSyntax(text: string): string;
  encodeTextForMarkdown(text: string, node: TextNode, parentNode?: unknown): string;
}

/**
 * marked reads a link's text with its `\[` `\]` unescaped first (`[\[x\](y)](z)` nested a link,
 * `[\[\[N\]\]](z)` held a wikilink, `[\[^1\]](z)` a footnote): in a link's text a bracket is written
 * as a character reference, which every reader takes as the character and never as syntax.
 */
export function bracketsAsReferences(escaped: string): string {
  return escaped.replace(/\\([[\]])/g, (_found, bracket: string) => (bracket === '[' ? '&#91;' : '&#93;'));
}

/** The Markdown manager's inline escaping, narrowed to `escapeInline` (it is one method on its instance). */
export function narrowInlineEscapes(editor: Editor): void {
  const manager = (editor.storage as unknown as { markdown?: { manager?: EscapingManager } }).markdown?.manager;
  if (!manager) return;
  manager.escapeMarkdownSyntax = escapeInline;
  const encode = manager.encodeTextForMarkdown.bind(manager);
  manager.encodeTextForMarkdown = (text, node, parentNode) => {
    const encoded = encode(text, node, parentNode);
    const inLink = node.marks?.some((mark) => mark.type === 'link') && !node.marks.some((mark) => mark.type === 'code');
    return inLink ? bracketsAsReferences(encoded) : encoded;
  };
}

/** Placed after `Markdown`, whose manager is made in its own `onBeforeCreate`. */
export const NarrowInlineEscapes = Extension.create({
  name: 'narrowInlineEscapes',
  onBeforeCreate() {
    narrowInlineEscapes(this.editor);
  },
});
