import { useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { EditorIcon, type EditorIconName } from './editor-icons.tsx';
import { ariaShortcut, withShortcut } from './editor-shortcuts.ts';
import { chooseImageFiles, type ImageInsertError, type SaveAttachment } from './image-files.ts';
import { insertImageFiles } from './note-images.ts';
import { LinkEditor, useLinkEditor } from './LinkEditor.tsx';
import { selectToolbarState, type Block } from './toolbar-state.ts';

export { openLinkEditor } from './LinkEditor.tsx';

/**
 * The note's formatting bar: one tab stop, ←/→ (Home/End) between its buttons, the text-style
 * select a stop of its own. Buttons show their state (aria-pressed) from a selection of the editor's
 * state (toolbar-state.ts) that re-renders only when that selection changes, not on every key press.
 * The table's buttons appear while the cursor is in a table. Ctrl/⌘+K, or openLinkEditor(), edits
 * the link (LinkEditor.tsx).
 */

interface EditorToolbarProps {
  editor: Editor | null;
  /** With it, an Image button (the same as `/image`). */
  saveAttachment?: SaveAttachment;
  onImageError?: (error: ImageInsertError) => void;
}

interface Item {
  key: string;
  icon: EditorIconName;
  label: MessageKey;
  shortcut?: string;
  /** A toggle shows its state; an action (insert, undo) has none. */
  pressed?: boolean;
  disabled: boolean;
  /** Why it is disabled, when the reason is not obvious. */
  why?: MessageKey;
  run: () => void;
}

export function EditorToolbar({ editor, saveAttachment, onImageError }: EditorToolbarProps) {
  if (!editor) return null;
  return <Toolbar editor={editor} saveAttachment={saveAttachment} onImageError={onImageError} />;
}

function Toolbar({ editor, saveAttachment, onImageError }: EditorToolbarProps & { editor: Editor }) {
  const { t } = useI18n();
  const state = useEditorState({ editor, selector: ({ editor: current }) => selectToolbarState(current) });
  const bar = useRef<HTMLDivElement>(null);
  const [focusKey, setFocusKey] = useState('bold');
  const { link, openLink, closeLink } = useLinkEditor(editor, bar);

  const chain = () => editor.chain().focus();

  if (!state.editable) return null;

  const marks: Item[] = [
    { key: 'bold', icon: 'bold', label: 'editor.bold', shortcut: 'Mod-b', pressed: state.bold, disabled: !state.canBold, run: () => chain().toggleBold().run() },
    { key: 'italic', icon: 'italic', label: 'editor.italic', shortcut: 'Mod-i', pressed: state.italic, disabled: !state.canItalic, run: () => chain().toggleItalic().run() },
    { key: 'strike', icon: 'strike', label: 'editor.strike', shortcut: 'Mod-Shift-s', pressed: state.strike, disabled: !state.canStrike, run: () => chain().toggleStrike().run() },
    { key: 'code', icon: 'code', label: 'editor.code', shortcut: 'Mod-e', pressed: state.code, disabled: !state.canCode, run: () => chain().toggleCode().run() },
    { key: 'highlight', icon: 'highlight', label: 'editor.highlight', shortcut: 'Mod-Shift-h', pressed: state.highlight, disabled: !state.canHighlight, run: () => chain().toggleHighlight().run() },
    { key: 'link', icon: 'link', label: 'editor.link', shortcut: 'Mod-k', pressed: state.link, disabled: !state.canLink, run: openLink },
  ];
  const blocks: Item[] = [
    { key: 'bulletList', icon: 'bulletList', label: 'editor.bulletList', shortcut: 'Mod-Shift-8', pressed: state.bulletList, disabled: !state.canBulletList, why: state.blocksAllowed ? undefined : 'editor.table.inlineOnly', run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', icon: 'orderedList', label: 'editor.orderedList', shortcut: 'Mod-Shift-7', pressed: state.orderedList, disabled: !state.canOrderedList, why: state.blocksAllowed ? undefined : 'editor.table.inlineOnly', run: () => chain().toggleOrderedList().run() },
    { key: 'taskList', icon: 'taskList', label: 'editor.taskList', shortcut: 'Mod-Shift-9', pressed: state.taskList, disabled: !state.canTaskList, why: state.blocksAllowed ? undefined : 'editor.table.inlineOnly', run: () => chain().toggleTaskList().run() },
    { key: 'blockquote', icon: 'blockquote', label: 'editor.blockquote', shortcut: 'Mod-Shift-b', pressed: state.blockquote, disabled: !state.canBlockquote, why: state.blocksAllowed ? undefined : 'editor.table.inlineOnly', run: () => chain().toggleBlockquote().run() },
    { key: 'codeBlock', icon: 'codeBlock', label: 'editor.codeBlock', shortcut: 'Mod-Alt-c', pressed: state.codeBlock, disabled: !state.canCodeBlock, why: state.blocksAllowed ? undefined : 'editor.table.inlineOnly', run: () => chain().toggleCodeBlock().run() },
  ];
  const inserts: Item[] = [
    { key: 'rule', icon: 'rule', label: 'editor.rule', disabled: !state.canRule, run: () => chain().setHorizontalRule().run() },
    { key: 'table', icon: 'table', label: 'editor.table', disabled: !state.canTable, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ];
  if (saveAttachment) {
    inserts.push({
      key: 'image',
      icon: 'image',
      label: 'editor.image',
      disabled: !state.canImage,
      run: () => {
        void chooseImageFiles().then((files) => {
          if (files.length === 0 || editor.isDestroyed) return;
          editor.commands.focus();
          return insertImageFiles(editor, files, saveAttachment, onImageError);
        });
      },
    });
  }
  const table = state.table;
  const tableItems: Item[] = table
    ? [
        { key: 'rowAbove', icon: 'rowAbove', label: 'editor.table.rowAbove', disabled: !table.canAddRowBefore, why: table.inHeaderRow ? 'editor.table.headerFirst' : undefined, run: () => chain().addRowBefore().run() },
        { key: 'rowBelow', icon: 'rowBelow', label: 'editor.table.rowBelow', disabled: !table.canAddRowAfter, run: () => chain().addRowAfter().run() },
        { key: 'columnLeft', icon: 'columnLeft', label: 'editor.table.columnLeft', disabled: !table.canAddColumnBefore, run: () => chain().addColumnBefore().run() },
        { key: 'columnRight', icon: 'columnRight', label: 'editor.table.columnRight', disabled: !table.canAddColumnAfter, run: () => chain().addColumnAfter().run() },
        { key: 'deleteRow', icon: 'deleteRow', label: 'editor.table.deleteRow', disabled: !table.canDeleteRow, why: table.inHeaderRow ? 'editor.table.headerKept' : undefined, run: () => chain().deleteRow().run() },
        { key: 'deleteColumn', icon: 'deleteColumn', label: 'editor.table.deleteColumn', disabled: !table.canDeleteColumn, run: () => chain().deleteColumn().run() },
        // Markdown tables always have a header row: it can be made (a pasted table may lack one), not removed.
        { key: 'headerRow', icon: 'headerRow', label: 'editor.table.headerRow', pressed: table.headerRow, disabled: table.headerRow, why: table.headerRow ? 'editor.table.headerKept' : undefined, run: () => chain().toggleHeaderRow().run() },
        { key: 'deleteTable', icon: 'deleteTable', label: 'editor.table.delete', disabled: !table.canDeleteTable, run: () => chain().deleteTable().run() },
      ]
    : [];
  const history: Item[] = [
    { key: 'undo', icon: 'undo', label: 'editor.undo', shortcut: 'Mod-z', disabled: !state.canUndo, run: () => chain().undo().run() },
    { key: 'redo', icon: 'redo', label: 'editor.redo', shortcut: 'Mod-Shift-z', disabled: !state.canRedo, run: () => chain().redo().run() },
  ];
  const groups = [marks, blocks, inserts, tableItems, history].filter((group) => group.length > 0);
  const all = groups.flat();
  // One button is the bar's tab stop: the last one used, or the first that can be used.
  const stop = all.find((item) => item.key === focusKey && !item.disabled)?.key ?? all.find((item) => !item.disabled)?.key;

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName !== 'BUTTON' || !target.dataset.key || !bar.current) return;
    const buttons = Array.from(bar.current.querySelectorAll<HTMLButtonElement>('button[data-key]:not(:disabled)'));
    const at = buttons.indexOf(target as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (at + 1) % buttons.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  const button = (item: Item) => {
    const label = t(item.label);
    const title = withShortcut(label, item.shortcut, t);
    return (
      <button
        key={item.key}
        type="button"
        data-key={item.key}
        className={item.pressed ? 'icon-button pressed' : 'icon-button'}
        aria-label={label}
        aria-pressed={item.pressed === undefined ? undefined : item.pressed}
        aria-keyshortcuts={item.shortcut ? ariaShortcut(item.shortcut) : undefined}
        title={item.disabled && item.why ? `${title} — ${t(item.why)}` : title}
        disabled={item.disabled}
        tabIndex={item.key === stop ? 0 : -1}
        // The note keeps the focus and its selection when a button is clicked.
        onMouseDown={(event) => event.preventDefault()}
        onFocus={() => setFocusKey(item.key)}
        onClick={item.run}
      >
        <EditorIcon name={item.icon} />
      </button>
    );
  };

  const setBlock = (value: Block) => {
    if (value === 'paragraph') chain().setParagraph().run();
    else if (value === 'h1' || value === 'h2' || value === 'h3') chain().setHeading({ level: Number(value.slice(1)) as 1 | 2 | 3 }).run();
  };

  return (
    <div ref={bar} className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')} onKeyDown={onKeyDown}>
      <select
        className="editor-block-select"
        value={state.block}
        aria-label={t('editor.block')}
        title={state.blocksAllowed ? t('editor.block') : `${t('editor.block')} — ${t('editor.table.inlineOnly')}`}
        disabled={!state.blocksAllowed}
        onChange={(event) => setBlock(event.target.value as Block)}
      >
        <option value="paragraph">{t('editor.block.paragraph')}</option>
        <option value="h1">{t('editor.block.heading1')}</option>
        <option value="h2">{t('editor.block.heading2')}</option>
        <option value="h3">{t('editor.block.heading3')}</option>
        {state.block === 'other' && (
          <option value="other" disabled>
            {t('editor.block.other')}
          </option>
        )}
      </select>
      {groups.map((group, index) => (
        <div key={group[0]?.key ?? index} className={group === tableItems ? 'editor-toolbar-group editor-toolbar-table' : 'editor-toolbar-group'} role="group" aria-label={group === tableItems ? t('editor.table.group') : undefined}>
          {group.map(button)}
        </div>
      ))}
      {link && (
        <LinkEditor
          editor={editor}
          initial={link.href}
          editing={link.editing}
          onClose={closeLink}
        />
      )}
    </div>
  );
}
