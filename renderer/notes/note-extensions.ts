import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import { TaskItem } from '@tiptap/extension-list';
import { Table, TableKit } from '@tiptap/extension-table';
import Highlight from '@tiptap/extension-highlight';
import type { AnyExtension, NodeViewRenderer } from '@tiptap/core';
import { EscapingParagraph, NarrowInlineEscapes } from './schema/text-escapes.ts';
import { RawMarkdown } from './schema/raw-markdown.ts';
import { RawInline } from './schema/raw-inline.ts';
import { WikiLink } from './schema/wiki-link.ts';
import { MarkedBulletList, MarkedOrderedList, MarkedTaskList } from './schema/list-markers.ts';
import { MarkdownLink } from './schema/markdown-link.ts';
import { KeptHeading } from './schema/empty-heading.ts';
import { vaultImage } from './schema/vault-image.ts';

export interface NoteViewOptions {
  /** The raw-Markdown block's view in the app (React); the headless tests use the plain HTML. */
  rawBlockView?: NodeViewRenderer;
  /** The address the page loads a vault file from (an image); the headless tests keep the path. */
  resolveVaultFile?: (vaultPath: string) => string;
  /** Extensions only the mounted editor needs: placeholder, `/` menu, `[[` suggestions. */
  interactive?: AnyExtension[];
}

/**
 * The note editor's schema, shared with the tests that check Markdown round-trips.
 * Links may use carnet:// (citations into the vault); a click is handled by the editor view, never followed.
 */
export function noteExtensions(options: NoteViewOptions = {}): AnyExtension[] {
  const view = options.rawBlockView;
  return [
    StarterKit.configure({
      paragraph: false,
      heading: false,
      bulletList: false,
      orderedList: false,
      link: false,
    }),
    MarkdownLink.configure({ openOnClick: false, autolink: true, protocols: ['carnet'], HTMLAttributes: { rel: 'noopener noreferrer', target: null } }),
    KeptHeading,
    MarkedBulletList,
    MarkedOrderedList,
    EscapingParagraph,
    MarkedTaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: false }),
    // A table's Markdown comes wrapped in blank lines of its own; the note's blocks already have theirs.
    Table.extend({
      renderMarkdown(node, helpers, context) {
        return (this.parent?.(node, helpers, context) ?? '').replace(/^\n+|\n+$/g, '');
      },
    }).configure({ resizable: false }),
    Highlight,
    // Images are files of the vault (attachments/); a web address is shown as a link, never fetched.
    vaultImage(options.resolveVaultFile ?? ((path) => path)),
    view ? RawMarkdown.extend({ addNodeView: () => view }) : RawMarkdown,
    RawInline,
    WikiLink,
    Markdown,
    NarrowInlineEscapes,
    ...(options.interactive ?? []),
  ];
}

/** What the editor's Markdown becomes on disk: a text file ending with exactly one newline. */
export function markdownForFile(markdown: string): string {
  const trimmed = markdown.replace(/\n+$/, '');
  return trimmed === '' ? '' : `${trimmed}\n`;
}
