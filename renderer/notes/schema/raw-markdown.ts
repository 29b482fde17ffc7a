import { Node } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';

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
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('rawMarkdownKeep'),
        props: {
          // Typing while the block is selected would replace what the user wrote: the text goes after it instead.
          handleTextInput: (view, _from, _to, text) => {
            const selection = view.state.selection;
            if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false;
            const paragraph = view.state.schema.nodes.paragraph;
            if (!paragraph) return false;
            const tr = view.state.tr.insert(selection.to, paragraph.create(null, view.state.schema.text(text)));
            tr.setSelection(TextSelection.create(tr.doc, selection.to + 1 + text.length));
            view.dispatch(tr.scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
