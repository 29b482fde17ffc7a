import type { Node as PmNode } from '@tiptap/pm/model';

/**
 * Where a quote (blocks: a blockquote, its citation, a comment) goes for a position in the text: not
 * inside a paragraph, which it would cut in two, but after it; an empty paragraph is replaced.
 */
export function afterTextblock(doc: PmNode, pos: number): number | { from: number; to: number } {
  const $pos = doc.resolve(Math.min(pos, doc.content.size));
  for (let depth = $pos.depth; depth > 0; depth--) {
    if (!$pos.node(depth).isTextblock) continue;
    return $pos.node(depth).content.size === 0 ? { from: $pos.before(depth), to: $pos.after(depth) } : $pos.after(depth);
  }
  return pos;
}
