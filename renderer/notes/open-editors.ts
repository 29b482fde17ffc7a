/**
 * The notes open in an editor in this window (the one beside a source, the one in the centre):
 * "Quote in note" and drops put a passage at the caret of such a note rather than at the end of its
 * file, so that nothing races the editor's own saves.
 */

export interface OpenEditor {
  noteId: string;
  title: () => string;
  /** Inserts Markdown at the caret (or at the end when the note has no caret yet). */
  insert: (markdown: string) => boolean;
}

const open = new Map<string, OpenEditor>();
const listeners = new Set<() => void>();

export function registerEditor(editor: OpenEditor): () => void {
  open.set(editor.noteId, editor);
  listeners.forEach((listener) => listener());
  return () => {
    if (open.get(editor.noteId) === editor) open.delete(editor.noteId);
    listeners.forEach((listener) => listener());
  };
}

export function openEditors(): OpenEditor[] {
  return [...open.values()];
}

export function openEditor(noteId: string): OpenEditor | undefined {
  return open.get(noteId);
}

export function onOpenEditorsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
