import { useCallback } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { rememberNote } from '../notes/last-note.ts';
import type { QuoteTarget } from './QuoteTargets.tsx';

/**
 * "Quote in note" from the reader: the passage with its citation goes at the end of the chosen note
 * (or into a new one) on the Node side, through the note's ordinary checked save; that note becomes
 * the one offered first next time.
 */
export function useQuoteInNote(sourceId: string, onDone: (text: string) => void, onError: (text: string) => void) {
  const { t } = useI18n();
  return useCallback(
    async (annotationId: string, target: QuoteTarget): Promise<boolean> => {
      try {
        const note = await api.quoteInNote({ sourceId, annotationId, ...('noteId' in target ? { noteId: target.noteId } : {}) });
        rememberNote(note.id);
        onDone(t('noteId' in target ? 'quote.done' : 'quote.doneNew', { title: note.title }));
        return true;
      } catch (error) {
        onError(errorMessage(error));
        return false;
      }
    },
    [sourceId, onDone, onError, t],
  );
}
