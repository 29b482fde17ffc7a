import { Extension, type Editor, type Range } from '@tiptap/core';
import { PluginKey, type EditorState } from '@tiptap/pm/state';
import { Suggestion } from '@tiptap/suggestion';
import { ReactRenderer } from '@tiptap/react';
import { shift, size } from '@floating-ui/dom';
import { en, type MessageKey } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { foldForMatch } from '../i18n/i18n.tsx';
import type { EditorIconName } from './editor-icons.tsx';
import { chooseImageFiles, type ImageInsertError, type SaveAttachment } from './image-files.ts';
import { insertImageFiles } from './note-images.ts';
import { SlashMenu, type SlashMenuHandle, type SlashMenuProps } from './SlashMenu.tsx';

/**
 * The `/` menu: typed at the start of an empty paragraph or after a space, it lists the blocks the
 * note can have; more letters narrow the list (`/tab`, `/titre`, accents optional), ↑/↓ and Enter
 * or a click pick one, Esc leaves the `/` as typed. Names match in English and in French.
 */

export type SlashCommandId =
  | 'text'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'taskList'
  | 'quote'
  | 'codeBlock'
  | 'table'
  | 'divider'
  | 'image'
  | 'noteLink';

export interface SlashCommand {
  id: SlashCommandId;
  icon: EditorIconName;
  label: MessageKey;
  hint: MessageKey;
  /** The Markdown that makes the same block, shown beside the name. */
  markdown?: string;
  /** Other words that find it. */
  keywords: string[];
  /** Fits inside a table cell (GFM cells hold one line of inline text only). */
  inline?: boolean;
  run: (editor: Editor, range: Range) => void;
}

export interface SlashMenuOptions {
  /** Without it there is no Image command. Kept for the editor's life: pass a stable function. */
  saveAttachment?: SaveAttachment;
  onImageError?: (error: ImageInsertError) => void;
}

/** The `/` menu's commands, Image only when the vault can keep files. */
export function slashCommands(options: SlashMenuOptions): SlashCommand[] {
  // After text (`Intro /h2`), the space before the `/` goes too: the block must not end with it.
  const block = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(withSpaceBefore(editor, range));
  const list: SlashCommand[] = [
    { id: 'text', icon: 'text', label: 'editor.block.paragraph', hint: 'editor.slash.text.hint', keywords: ['paragraph', 'plain', 'paragraphe', 'texte'], run: (e, r) => block(e, r).setParagraph().run() },
    { id: 'heading1', icon: 'heading1', label: 'editor.block.heading1', hint: 'editor.slash.heading1.hint', markdown: '#', keywords: ['h1', 'title', 'titre'], run: (e, r) => block(e, r).setHeading({ level: 1 }).run() },
    { id: 'heading2', icon: 'heading2', label: 'editor.block.heading2', hint: 'editor.slash.heading2.hint', markdown: '##', keywords: ['h2', 'subtitle', 'sous-titre'], run: (e, r) => block(e, r).setHeading({ level: 2 }).run() },
    { id: 'heading3', icon: 'heading3', label: 'editor.block.heading3', hint: 'editor.slash.heading3.hint', markdown: '###', keywords: ['h3'], run: (e, r) => block(e, r).setHeading({ level: 3 }).run() },
    { id: 'bulletList', icon: 'bulletList', label: 'editor.bulletList', hint: 'editor.slash.bulletList.hint', markdown: '-', keywords: ['ul', 'bullet', 'puces'], run: (e, r) => block(e, r).toggleBulletList().run() },
    { id: 'orderedList', icon: 'orderedList', label: 'editor.orderedList', hint: 'editor.slash.orderedList.hint', markdown: '1.', keywords: ['ol', 'ordered', 'numéros'], run: (e, r) => block(e, r).toggleOrderedList().run() },
    { id: 'taskList', icon: 'taskList', label: 'editor.taskList', hint: 'editor.slash.taskList.hint', markdown: '- [ ]', keywords: ['todo', 'checkbox', 'checklist', 'case', 'à faire'], run: (e, r) => block(e, r).toggleTaskList().run() },
    { id: 'quote', icon: 'blockquote', label: 'editor.blockquote', hint: 'editor.slash.quote.hint', markdown: '>', keywords: ['blockquote', 'citation'], run: (e, r) => block(e, r).toggleBlockquote().run() },
    { id: 'codeBlock', icon: 'codeBlock', label: 'editor.codeBlock', hint: 'editor.slash.codeBlock.hint', markdown: '```', keywords: ['pre', 'fence', 'verbatim'], run: (e, r) => block(e, r).setCodeBlock().run() },
    { id: 'table', icon: 'table', label: 'editor.slash.table', hint: 'editor.slash.table.hint', keywords: ['grid', 'grille', 'tableau'], run: (e, r) => block(e, r).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { id: 'divider', icon: 'rule', label: 'editor.rule', hint: 'editor.slash.divider.hint', markdown: '---', keywords: ['hr', 'rule', 'line', 'separator', 'ligne', 'séparateur'], run: (e, r) => block(e, r).setHorizontalRule().run() },
  ];
  const save = options.saveAttachment;
  if (save) {
    list.push({
      id: 'image',
      icon: 'image',
      label: 'editor.slash.image',
      hint: 'editor.slash.image.hint',
      keywords: ['picture', 'photo', 'img', 'figure'],
      inline: true,
      run: (e, r) => {
        e.chain().focus().deleteRange(r).run();
        // Still inside the key press or click that picked it: the browser lets a file chooser open.
        void chooseImageFiles().then((files) => {
          if (files.length === 0 || e.isDestroyed) return;
          e.commands.focus();
          return insertImageFiles(e, files, save, options.onImageError);
        });
      },
    });
  }
  list.push({
    id: 'noteLink',
    icon: 'noteLink',
    label: 'editor.slash.noteLink',
    hint: 'editor.slash.noteLink.hint',
    markdown: '[[',
    keywords: ['wiki', 'link', 'lien', 'note', 'backlink'],
    inline: true,
    // `[[` opens the note suggestion, which finishes the link.
    run: (e, r) => e.chain().focus().deleteRange(r).insertContent({ type: 'text', text: '[[' }).run(),
  });
  return list;
}

function withSpaceBefore(editor: Editor, range: Range): Range {
  const $from = editor.state.doc.resolve(range.from);
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  return before !== '' && /[ \t]$/.test(before) ? { from: range.from - 1, to: range.to } : range;
}

/** The commands whose names (English or French), Markdown or keywords match `query`, best first. */
export function filterSlashCommands(all: SlashCommand[], query: string): SlashCommand[] {
  const wanted = foldForMatch(query.trim());
  if (!wanted) return all;
  const scored: { command: SlashCommand; score: number }[] = [];
  for (const command of all) {
    const names = [en[command.label], fr[command.label]].map(foldForMatch);
    const words = [...names, ...command.keywords.map(foldForMatch)];
    let score = -1;
    if (names.some((name) => name.startsWith(wanted))) score = 0;
    else if (words.some((word) => word.split(/[\s-]+/).some((part) => part.startsWith(wanted)) || word.startsWith(wanted))) score = 1;
    // Inside a word only from two letters on: `/h` should not find "paragrap*h*".
    else if ((wanted.length > 1 && words.some((word) => word.includes(wanted))) || command.markdown === query.trim()) score = 2;
    if (score >= 0) scored.push({ command, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((entry) => entry.command);
}

/** `/` may open here: in a paragraph, at its start when it is otherwise empty, or after a space; never in code. */
export function slashAllowed(state: EditorState, range: Range): boolean {
  const $from = state.doc.resolve(range.from);
  const parent = $from.parent;
  if (parent.type.name !== 'paragraph') return false;
  if ($from.marks().some((mark) => mark.type.spec.code)) return false;
  const before = parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  if (before === '') {
    const $to = state.doc.resolve(Math.min(range.to, state.doc.content.size));
    return $to.parent === parent && parent.textBetween($to.parentOffset, parent.content.size, undefined, '\ufffc') === '';
  }
  return /\s$/u.test(before);
}

function inTableCell(state: EditorState, pos: number): boolean {
  const $pos = state.doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const role: unknown = $pos.node(depth).type.spec.tableRole;
    if (role === 'cell' || role === 'header_cell') return true;
  }
  return false;
}

export const slashMenuKey = new PluginKey('carnetSlashMenu');

export const SlashMenuExtension = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',
  addOptions() {
    return {};
  },
  addProseMirrorPlugins() {
    const all = slashCommands(this.options);
    return [
      Suggestion<SlashCommand, SlashCommand>({
        editor: this.editor,
        pluginKey: slashMenuKey,
        char: '/',
        // The prefix rule is slashAllowed's (any white space, not only ' ').
        allowedPrefixes: null,
        decorationClass: 'slash-query',
        placement: 'bottom-start',
        offset: { mainAxis: 6 },
        floatingUi: {
          strategy: 'fixed',
          middleware: [
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply({ availableHeight, elements }) {
                elements.floating.style.setProperty('--slash-menu-max-height', `${Math.max(120, Math.min(360, availableHeight))}px`);
              },
            }),
          ],
        },
        allow: ({ state, range }) => slashAllowed(state, range),
        items: ({ query, editor }) => {
          const cell = inTableCell(editor.state, editor.state.selection.from);
          return filterSlashCommands(
            all.filter((command) => !cell || command.inline),
            query,
          );
        },
        command: ({ editor, range, props }) => props.run(editor, range),
        render: () => {
          let renderer: ReactRenderer<SlashMenuHandle, SlashMenuProps> | null = null;
          let unmount: (() => void) | null = null;
          return {
            onStart: (props) => {
              renderer = new ReactRenderer(SlashMenu, { editor: props.editor, className: 'slash-menu-layer', props: { editor: props.editor, items: props.items, command: props.command } });
              unmount = props.mount(renderer.element);
            },
            onUpdate: (props) => {
              renderer?.updateProps({ items: props.items, command: props.command });
            },
            onKeyDown: ({ event }) => renderer?.ref?.onKeyDown(event) ?? false,
            onExit: () => {
              unmount?.();
              unmount = null;
              renderer?.destroy();
              renderer = null;
            },
          };
        },
      }),
    ];
  },
});

/** For `noteExtensions({ interactive: [...] })`. */
export function slashMenuExtension(options: SlashMenuOptions = {}) {
  return SlashMenuExtension.configure(options);
}
