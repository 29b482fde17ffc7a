import Link from '@tiptap/extension-link';
import type { JSONContent } from '@tiptap/core';

/**
 * A link keeps the form its author wrote: `<https://…>` (an autolink) or a bare `https://…` (GFM's
 * literal autolink) come back as written while their text is still the address, instead of
 * turning into `[https://…](https://…)`; anything else is an ordinary `[text](href)`.
 */

interface LinkToken {
  raw?: string;
  href?: string;
  title?: string | null;
  tokens?: unknown[];
}

function formOf(raw: string): 'angle' | 'literal' | null {
  if (raw.startsWith('<')) return 'angle';
  if (raw.startsWith('[')) return null;
  return 'literal';
}

function plainText(node: JSONContent): string {
  return (node.content ?? []).map((child) => (child.type === 'text' ? (child.text ?? '') : '\u0000')).join('');
}

export const MarkdownLink = Link.extend({
  addAttributes() {
    return { ...this.parent?.(), form: { default: null, rendered: false } };
  },
  parseMarkdown(token, helpers) {
    const link = token as LinkToken;
    return helpers.applyMark('link', helpers.parseInline((link.tokens ?? []) as Parameters<typeof helpers.parseInline>[0]), {
      href: link.href,
      title: link.title || null,
      form: formOf(link.raw ?? ''),
    });
  },
  renderMarkdown(node, helpers, context) {
    const form = node.attrs?.form;
    const href = String(node.attrs?.href ?? '');
    // Marks are rendered as an opening and a closing around their text, which comes as `markText`.
    const markText: unknown = context.meta?.markText;
    const text = typeof markText === 'string' ? markText : plainText(node);
    const inner = helpers.renderChildren(node.content ?? []);
    const address = href.startsWith('mailto:') && !text.startsWith('mailto:') ? href.slice('mailto:'.length) : href;
    if (form === 'angle' && text === address) return `<${inner}>`;
    if (form === 'literal' && (text === address || `http://${text}` === href)) return inner;
    return this.parent?.(node, helpers, context) ?? '';
  },
});
