import type { Editor } from '@tiptap/core';
import { NodeSelection, type EditorState } from '@tiptap/pm/state';
import { redoDepth, undoDepth } from '@tiptap/pm/history';

/**
 * What the formatting bar shows (EditorToolbar.tsx), read from the editor's state: the text style,
 * which marks and blocks are on, which commands would do something, and the table around the cursor.
 */

export type Block = 'paragraph' | 'h1' | 'h2' | 'h3' | 'other';

export interface TableState {
  headerRow: boolean;
  inHeaderRow: boolean;
  canAddRowBefore: boolean;
  canAddRowAfter: boolean;
  canAddColumnBefore: boolean;
  canAddColumnAfter: boolean;
  canDeleteRow: boolean;
  canDeleteColumn: boolean;
  canDeleteTable: boolean;
}

/** The table around the selection: whether its first row is a header row, and whether the cursor is in it. */
function tableAt(state: EditorState): { headerRow: boolean; inHeaderRow: boolean } | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.spec.tableRole !== 'table') continue;
    const first = node.firstChild;
    const headerRow = !!first && first.childCount > 0 && Array.from({ length: first.childCount }, (_, i) => first.child(i)).every((cell) => cell.type.spec.tableRole === 'header_cell');
    return { headerRow, inHeaderRow: $from.index(depth) === 0 };
  }
  return null;
}

/** What the `can…` answers depend on: the blocks around the selection, its kind, the marks at it. */
function contextKey(state: EditorState): string {
  const { selection } = state;
  const { $from, $to } = selection;
  const path: string[] = [];
  for (let depth = $from.depth; depth > 0; depth -= 1) path.push($from.node(depth).type.name);
  const node = selection instanceof NodeSelection ? selection.node.type.name : '';
  const marks = (state.storedMarks ?? $from.marks()).map((mark) => mark.type.name).join(',');
  return [selection.toJSON().type, node, selection.empty, path.join('/'), $to.parent.type.name, $from.sharedDepth($to.pos), marks, $to.marks().map((mark) => mark.type.name).join(',')].join('|');
}

/** Which commands would do something here; the dry runs cost ~0.1 ms each, so they are redone only when the context changes. */
function capabilities(editor: Editor, blocksAllowed: boolean, inCode: boolean) {
  const can = () => editor.can().chain();
  return {
    canBold: can().toggleBold().run(),
    canItalic: can().toggleItalic().run(),
    canStrike: can().toggleStrike().run(),
    canCode: can().toggleCode().run(),
    canHighlight: can().toggleHighlight().run(),
    canLink: !inCode && can().setLink({ href: 'https://example.org' }).run(),
    canBulletList: blocksAllowed && can().toggleBulletList().run(),
    canOrderedList: blocksAllowed && can().toggleOrderedList().run(),
    canTaskList: blocksAllowed && can().toggleTaskList().run(),
    canBlockquote: blocksAllowed && can().toggleBlockquote().run(),
    canCodeBlock: blocksAllowed && can().toggleCodeBlock().run(),
    canRule: blocksAllowed && !inCode && can().setHorizontalRule().run(),
    canTable: blocksAllowed && !inCode && can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    canImage: !inCode,
  };
}

const capabilityCache = new WeakMap<Editor, { key: string; value: ReturnType<typeof capabilities> }>();

/** What the bar shows, read from the editor on each transaction: a few microseconds while typing in one paragraph. */
export function selectToolbarState(editor: Editor) {
  const state = editor.state;
  const table = tableAt(state);
  const inCode = editor.isActive('codeBlock');
  // A GFM table cell holds one line of inline text: no block in it.
  const blocksAllowed = !table;
  const block: Block = editor.isActive('paragraph')
    ? 'paragraph'
    : editor.isActive('heading', { level: 1 })
      ? 'h1'
      : editor.isActive('heading', { level: 2 })
        ? 'h2'
        : editor.isActive('heading', { level: 3 })
          ? 'h3'
          : 'other';
  const key = contextKey(state);
  let cached = capabilityCache.get(editor);
  if (!cached || cached.key !== key) {
    cached = { key, value: capabilities(editor, blocksAllowed, inCode) };
    capabilityCache.set(editor, cached);
  }
  let tableState: TableState | null = null;
  if (table) {
    tableState = {
      ...table,
      // In Markdown the first row is always the header: nothing goes above it, and it is not deleted.
      canAddRowBefore: !(table.headerRow && table.inHeaderRow) && editor.can().addRowBefore(),
      canAddRowAfter: editor.can().addRowAfter(),
      canAddColumnBefore: editor.can().addColumnBefore(),
      canAddColumnAfter: editor.can().addColumnAfter(),
      canDeleteRow: !(table.headerRow && table.inHeaderRow) && editor.can().deleteRow(),
      canDeleteColumn: editor.can().deleteColumn(),
      canDeleteTable: editor.can().deleteTable(),
    };
  }
  return {
    ...cached.value,
    editable: editor.isEditable,
    block,
    blocksAllowed,
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    strike: editor.isActive('strike'),
    code: editor.isActive('code'),
    highlight: editor.isActive('highlight'),
    link: editor.isActive('link'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    taskList: editor.isActive('taskList'),
    blockquote: editor.isActive('blockquote'),
    codeBlock: inCode,
    table: tableState,
    canUndo: undoDepth(state) > 0,
    canRedo: redoDepth(state) > 0,
  };
}

export type ToolbarState = ReturnType<typeof selectToolbarState>;
