import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/**
 * `|Pays|Cas|` then Enter makes a table with that header row and an empty row to fill, as typing a
 * GFM table's first line would suggest. An input rule cannot do it: a table row only ends on Enter.
 */
const HEADER_LINE = /^\s*\|((?:[^|\n]*\|){2,})\s*$/;

export function headerCells(text: string): string[] | null {
  const match = HEADER_LINE.exec(text);
  if (!match?.[1]) return null;
  const cells = match[1].split('|').slice(0, -1).map((cell) => cell.trim());
  return cells.length >= 2 && cells.some((cell) => cell !== '') ? cells : null;
}

export const TableShortcut = Extension.create({
  name: 'tableShortcut',
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        const parent = $from.parent;
        if (!empty || parent.type.name !== 'paragraph' || $from.depth !== 1 || $from.parentOffset !== parent.content.size) return false;
        const cells = headerCells(parent.textContent);
        if (!cells || !editor.schema.nodes.table) return false;
        const cell = (type: 'tableHeader' | 'tableCell', text: string) => ({ type, content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });
        const table = {
          type: 'table',
          content: [
            { type: 'tableRow', content: cells.map((text) => cell('tableHeader', text)) },
            { type: 'tableRow', content: cells.map(() => cell('tableCell', '')) },
          ],
        };
        const from = $from.before();
        const to = $from.after();
        // The caret goes into the first cell of the new row, ready to type.
        return editor
          .chain()
          .insertContentAt({ from, to }, table)
          .command(({ tr }) => {
            let target = -1;
            tr.doc.nodesBetween(from, tr.doc.content.size, (node, pos) => {
              if (target === -1 && node.type.name === 'tableCell') target = pos + 2;
              return target === -1;
            });
            if (target > 0) tr.setSelection(TextSelection.create(tr.doc, target));
            return true;
          })
          .run();
      },
    };
  },
});
