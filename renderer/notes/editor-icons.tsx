import { PathIcon } from '../app/icons.tsx';

/** The note editor's icons, drawn inline like renderer/app/icons.tsx (no icon font, nothing fetched). */
const paths = {
  text: 'M5 6V4.5h14V6M12 4.5V19.5M9 19.5h6',
  heading1: 'M4 6v12M11 6v12M4 12h7M16 9.5l2.5-1.5v10',
  heading2: 'M4 6v12M11 6v12M4 12h7M15.3 10a2.3 2.3 0 0 1 4.5.6c0 1.6-4.5 4.3-4.5 7.4h4.7',
  heading3: 'M4 6v12M11 6v12M4 12h7M15.3 8h4.3l-2.4 3.2a2.8 2.8 0 1 1-2 4.8',
  bold: 'M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z',
  italic: 'M10 5h8M6 19h8M14.5 5l-5 14',
  strike: 'M4 12h16M16.5 7.5C16 6 14.3 5 12 5 9.5 5 7.5 6.3 7.5 8.3c0 1.2.6 2.1 1.8 2.7M7.5 16c.4 1.8 2.2 3 4.5 3 2.7 0 4.5-1.3 4.5-3.3 0-.7-.2-1.2-.6-1.7',
  code: 'M9 7l-5 5 5 5M15 7l5 5-5 5',
  highlight: 'M14.5 4.5l5 5L11 18H6v-5zM12 7l5 5M4 21h16',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  unlink: 'M9.5 14.5l5-5M13 6.3l.3-.3a4 4 0 0 1 5.7 5.7l-.8.8M11 17.7l-.3.3A4 4 0 0 1 5 12.3l.8-.8M4 4l3 3M17 17l3 3',
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.5M4.5 12h.5M4.5 18h.5',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 4.8l1.5-.8v5M3.8 13.3a1.3 1.3 0 0 1 2.5.5c0 .9-2.5 2.5-2.5 2.5h2.6',
  taskList: 'M3.5 4.5h5v5h-5zM4.8 7l1.2 1.2 2.6-3M12 7h8M3.5 14.5h5v5h-5zM12 17h8',
  blockquote: 'M5 5v14M9 7h11M9 12h11M9 17h7',
  codeBlock: 'M4 4h16v16H4zM10 9.5l-2.5 2.5 2.5 2.5M14 9.5l2.5 2.5-2.5 2.5',
  rule: 'M3 12h18M8 6.5h8M8 17.5h8',
  table: 'M4 5h16v14H4zM4 10h16M4 14.5h16M10 5v14',
  rowAbove: 'M4 12h16v8H4zM4 16h16M12 2.5v7M8.5 6h7',
  rowBelow: 'M4 4h16v8H4zM4 8h16M12 14.5v7M8.5 18h7',
  columnLeft: 'M12 4h8v16h-8zM16 4v16M2.5 12h7M6 8.5v7',
  columnRight: 'M4 4h8v16H4zM8 4v16M14.5 12h7M18 8.5v7',
  deleteRow: 'M4 4h16v7H4zM4 7.5h16M9.5 14.5l5 5M14.5 14.5l-5 5',
  deleteColumn: 'M4 4h7v16H4zM7.5 4v16M14.5 9.5l5 5M19.5 9.5l-5 5',
  headerRow: 'M4 5h16v14H4zM4 10h16M7 7.5h10M10 10v9',
  deleteTable: 'M13 5H4v14h9M4 10h9M4 14.5h9M9 5v14M15.5 9.5l5 5M20.5 9.5l-5 5',
  undo: 'M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9h.5',
  noteLink: 'M6 5H3.5v14H6M10 5H7.5v14H10M14 5h2.5v14H14M18 5h2.5v14H18',
  check: 'M5 12.5l4.5 4.5L19 7',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  close: 'M6 6l12 12M18 6L6 18',
} as const;

export type EditorIconName = keyof typeof paths;

export function EditorIcon({ name, label }: { name: EditorIconName; label?: string }) {
  return <PathIcon d={paths[name]} label={label} />;
}
