import Heading from '@tiptap/extension-heading';

/** An empty heading is still a heading in the file (`##`), not a line that disappears. */
export const KeptHeading = Heading.extend({
  renderMarkdown(node, helpers, context) {
    const rendered = this.parent?.(node, helpers, context) ?? '';
    if (rendered.trim() !== '') return rendered;
    const level = Number(node.attrs?.level ?? 1);
    return '#'.repeat(Math.min(Math.max(level, 1), 6));
  },
});
