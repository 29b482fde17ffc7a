import Paragraph from '@tiptap/extension-paragraph';
import { Extension, type Editor } from '@tiptap/core';

/**
 * Text the user typed must never become structure on the next load (@tiptap/markdown #8134):
 * a paragraph line that starts like a heading, a list item, a quote, a fence, a table or a thematic
 * break gets the backslash escape CommonMark defines, and inline escapes are kept to the characters
 * that could really start syntax, so `snake_case` and `~` stay as typed.
 */

// After up to three spaces: an ATX heading, a bullet, a quote, an ordered marker, a fence, or a line that
// is only a setext underline or a thematic break.
const LINE_START = /^( {0,3})(#{1,6}(?=[ \t]|$)|[-+*](?=[ \t]|$)|>|\d{1,9}(?=[.)](?:[ \t]|$))|`{3,}|~{3,}|(?:=[ \t]*)+$|(?:-[ \t]*)+$|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
// A GFM table's delimiter row under a paragraph line would turn both into a table.
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((typed) => {
      // Leading spaces mean nothing in a paragraph, but four of them would make a code block.
      const line = typed.replace(/^[ \t]+/, '');
      const match = LINE_START.exec(line);
      if (!match) return DELIMITER_ROW.test(line) && line.includes('|') ? line.replace('-', '\\-') : line;
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
  return text.replace(/[\\`*[\]]|_+|~+/g, (found, offset: number) => {
    if (found.startsWith('_')) {
      // An underscore inside a word cannot open or close emphasis.
      const before = text[offset - 1] ?? '';
      const after = text[offset + found.length] ?? '';
      return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? found : found.replace(/_/g, '\\_');
    }
    if (found.startsWith('~')) return found.length === 1 ? found : found.replace(/~/g, '\\~');
    return `\\${found}`;
  });
}

export const EscapingParagraph = Paragraph.extend({
  renderMarkdown(node, helpers, context) {
    const rendered = this.parent?.(node, helpers, context) ?? '';
    return escapeLineStarts(rendered);
  },
});

interface EscapingManager {
  escapeMarkdownSyntax(text: string): string;
}

/** The Markdown manager's inline escaping, narrowed to `escapeInline` (it is one method on its instance). */
export function narrowInlineEscapes(editor: Editor): void {
  const manager = (editor.storage as unknown as { markdown?: { manager?: EscapingManager } }).markdown?.manager;
  if (manager) manager.escapeMarkdownSyntax = escapeInline;
}

/** Placed after `Markdown`, whose manager is made in its own `onBeforeCreate`. */
export const NarrowInlineEscapes = Extension.create({
  name: 'narrowInlineEscapes',
  onBeforeCreate() {
    narrowInlineEscapes(this.editor);
  },
});
