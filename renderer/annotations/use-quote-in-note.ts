import { useCallback } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { rememberNote } from '../notes/last-note.ts';
import { openEditor } from '../notes/open-editors.ts';
import type { QuoteTarget } from './QuoteTargets.tsx';

/**
 * "Quote in note" from the reader: into a note open in an editor, at its caret (the editor saves it
 * as if typed); otherwise at the end of the chosen note (or into a new one) on the Node side,
 * through the note's ordinary checked save. That note becomes the one offered first next time.
 */
export function useQuoteInNote(sourceId: string, sourceTitle: string, onDone: (text: string) => void, onError: (text: string) => void) {
  const { t } = useI18n();
  return useCallback(
    async (annotationId: string, target: QuoteTarget): Promise<boolean> => {
      try {
        if ('editorNoteId' in target) {
          const { markdown } = await api.quoteMarkdown({ sourceId, annotationId });
          // Looked up after the round trip: the editor may have closed meanwhile (then the file takes the quote).
          const editor = openEditor(target.editorNoteId);
          if (editor) {
            // An open editor that refuses the quote (read-only) must not have its file written behind it.
            if (!editor.insert(markdown)) throw new Error(t('quote.editorRefused', { title: editor.title() }));
            onDone(t('quote.doneEditor', { title: editor.title() }));
            return true;
          }
        }
        // The editor closed meanwhile: the passage goes at the end of that note's file.
        const noteId = 'editorNoteId' in target ? target.editorNoteId : 'noteId' in target ? target.noteId : undefined;
        // A new note is named after its source, not as it: Quick open would list two identical titles.
        const note = await api.quoteInNote({ sourceId, annotationId, ...(noteId ? { noteId } : { title: t('quote.newNoteTitle', { title: sourceTitle }) }) });
        rememberNote(note.id);
        onDone(t(noteId ? 'quote.done' : 'quote.doneNew', { title: note.title }));
        return true;
      } catch (error) {
        onError(errorMessage(error));
        return false;
      }
    },
    [sourceId, sourceTitle, onDone, onError, t],
  );
}
