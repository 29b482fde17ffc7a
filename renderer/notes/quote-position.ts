import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { markdownContent } from './markdown-paste.ts';

/**
 * Where a quote (blocks: a blockquote, its citation, a comment) goes for a position in the text:
 * after the top-level block holding it — not inside a paragraph, which it would cut in two, nor
 * inside another quote or a list, where it would nest. An empty paragraph is replaced.
 */
export function afterTextblock(doc: PmNode, pos: number): number | { from: number; to: number } {
  const $pos = doc.resolve(Math.min(pos, doc.content.size));
  if ($pos.depth === 0) return pos;
  const block = $pos.node(1);
  return block.isTextblock && block.content.size === 0 ? { from: $pos.before(1), to: $pos.after(1) } : $pos.after(1);
}

/** Inserts a quote's Markdown at `at`; one that ends the note is followed by an empty paragraph, to go on writing after it. */
export function insertQuote(editor: Editor, at: number | { from: number; to: number }, markdown: string): boolean {
  const content = markdownContent(editor, markdown);
  if (!content || !Array.isArray(content)) return false;
  const end = typeof at === 'number' ? at : at.to;
  const last = end >= editor.state.doc.content.size;
  return editor.chain().focus().insertContentAt(at, last ? [...content, { type: 'paragraph' }] : content).run();
}
