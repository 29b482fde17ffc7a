import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import type { AnyExtension } from '@tiptap/core';

/**
 * The note editor's schema, shared with the tests that check Markdown round-trips.
 * Links may use carnet:// (citations into the vault); a click is handled by the editor view, never followed.
 */
export function noteExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      link: { openOnClick: false, autolink: true, protocols: ['carnet'], HTMLAttributes: { rel: 'noopener noreferrer', target: null } },
    }),
    Markdown,
  ];
}

/** What the editor's Markdown becomes on disk: a text file ending with exactly one newline. */
export function markdownForFile(markdown: string): string {
  const trimmed = markdown.replace(/\n+$/, '');
  return trimmed === '' ? '' : `${trimmed}\n`;
}
