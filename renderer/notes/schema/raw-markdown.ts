import { Node } from '@tiptap/core';

/**
 * A block of the note the editor cannot show as rich text without changing it — an HTML block,
 * an Obsidian callout, display math, a footnote, a link reference definition, or any Markdown whose
 * meaning a round trip through the editor would alter. It keeps its exact source; the note view
 * renders it readably and lets the user edit it as raw Markdown (see RawMarkdownView.tsx).
 */
export type RawKind = 'html' | 'callout' | 'math' | 'footnote' | 'definition' | 'markdown';

export const RawMarkdown = Node.create({
  name: 'rawMarkdown',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { markdown: { default: '' }, kind: { default: 'markdown' } };
  },
  parseHTML() {
    return [{ tag: 'div[data-raw-markdown]', getAttrs: (element) => ({ markdown: element.getAttribute('data-raw-markdown') ?? '', kind: element.getAttribute('data-kind') ?? 'markdown' }) }];
  },
  renderHTML({ node }) {
    return ['div', { 'data-raw-markdown': String(node.attrs.markdown), 'data-kind': String(node.attrs.kind), class: 'raw-block' }, ['pre', {}, String(node.attrs.markdown)]];
  },
  renderText({ node }) {
    return String(node.attrs.markdown);
  },
  renderMarkdown: (node) => String(node.attrs?.markdown ?? ''),
});
