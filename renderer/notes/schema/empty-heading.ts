import Heading from '@tiptap/extension-heading';

/** An empty heading is still a heading in the file (`##`), not a line that disappears. */
export const KeptHeading = Heading.extend({
  renderMarkdown(node, helpers, context) {
    const rendered = this.parent?.(node, helpers, context) ?? '';
    // Text ending with `#`s after a space (`## C #`, `##### ###`) would be read as the closing sequence
    // and dropped: the run is escaped (`\###`), which no longer closes.
    if (rendered.trim() !== '') return rendered.replace(/^(#{1,6} (?:.*[ \t])?)(#+[ \t]*)$/, '$1\\$2');
    const level = Number(node.attrs?.level ?? 1);
    return '#'.repeat(Math.min(Math.max(level, 1), 6));
  },
});
