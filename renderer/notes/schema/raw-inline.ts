import { Node } from '@tiptap/core';

/**
 * Inline Markdown the editor has no node for — a footnote reference `[^1]`, inline math `$x$` —
 * kept as an atom with its exact source, shown as written, so a save never escapes it.
 */
const RAW_INLINE = /^(?:\[\^[^\]\s]+\]|\$(?!\s)[^$\n]*[^\s$]\$(?!\d))/;

export const RawInline = Node.create({
  name: 'rawInline',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes() {
    return { markdown: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'span[data-raw-inline]', getAttrs: (element) => ({ markdown: element.getAttribute('data-raw-inline') ?? '' }) }];
  },
  renderHTML({ node }) {
    const markdown = String(node.attrs.markdown);
    const kind = markdown.startsWith('[^') ? 'footnote' : 'math';
    return ['span', { 'data-raw-inline': markdown, class: `raw-inline raw-inline-${kind}` }, kind === 'footnote' ? markdown.slice(2, -1) : markdown];
  },
  renderText({ node }) {
    return String(node.attrs.markdown);
  },
  markdownTokenName: 'rawInline',
  parseMarkdown: (token, helpers) => helpers.createNode('rawInline', { markdown: token.raw }),
  renderMarkdown: (node) => String(node.attrs?.markdown ?? ''),
  markdownTokenizer: {
    name: 'rawInline',
    level: 'inline',
    start: (src: string) => {
      const found = /\[\^|\$/.exec(src);
      return found ? found.index : -1;
    },
    tokenize: (src: string) => {
      const match = RAW_INLINE.exec(src);
      return match ? { type: 'rawInline', raw: match[0] } : undefined;
    },
  },
});
