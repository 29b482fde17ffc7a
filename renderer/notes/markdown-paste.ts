import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Plain text pasted from a Markdown editor (Obsidian, VS Code, another note's file) arrives as
 * Markdown: a citation `[« … »](carnet://source/…)`, a `[[link]]`, a list or a table should land
 * as what it means, not as escaped characters. Text with no Markdown in it pastes as text, and a
 * paste that carries HTML (a web page, a word processor) is left to the editor.
 */
const MARKDOWN_SIGNS = /\]\([^)\s]+\)|\[\[[^\]\n]+\]\]|^#{1,6} |^\s{0,3}(?:[-*+]|\d{1,9}[.)]) |^> |^\|.*\|\s*$|^```|\*\*[^*\n]+\*\*|`[^`\n]+`/m;

export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.test(text);
}

interface MarkdownParser {
  parse(markdown: string): { content?: unknown[] };
}

type Content = Parameters<Editor['commands']['insertContent']>[0];

/** Markdown as the editor's content (the note's own parser), or null when it parses to nothing. */
export function markdownContent(editor: Editor, markdown: string): Content | null {
  const manager = (editor.storage as unknown as { markdown?: { manager?: MarkdownParser } }).markdown?.manager;
  const content = manager?.parse(markdown.replace(/\r\n?/g, '\n')).content;
  return content?.length ? (content as Content) : null;
}

export const MarkdownPaste = Extension.create({
  name: 'markdownPaste',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('markdownPaste'),
        props: {
          handlePaste: (view, event) => {
            const data = event.clipboardData;
            if (!data || data.types.includes('Files') || data.getData('text/html').trim() !== '') return false;
            const text = data.getData('text/plain');
            // Inside code, text is code: it stays exactly as pasted.
            if (!text || !looksLikeMarkdown(text) || view.state.selection.$from.parent.type.spec.code) return false;
            const content = markdownContent(editor, text);
            return content !== null && editor.commands.insertContent(content);
          },
        },
      }),
    ];
  },
});
