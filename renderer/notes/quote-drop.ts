import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { api } from '../api-client.ts';
import { afterTextblock, insertQuote } from './quote-position.ts';

/**
 * An annotation card or a passage selected in the reader, dropped into a note: the quote with its
 * citation lands where it is dropped, after the vault's template, as Zotero does with annotations.
 * The dragged data says which passage (`application/x-carnet-passage`); a selection not yet an
 * annotation becomes one first, so the citation always has an anchor.
 */

export const PASSAGE_TYPE = 'application/x-carnet-passage';

export type DraggedPassage = { sourceId: string; annotationId: string } | { sourceId: string; sourceRevision: string; start: number; end: number };

export function quoteDrop(onError: (error: unknown) => void) {
  return Extension.create({
    name: 'quoteDrop',
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        new Plugin({
          key: new PluginKey('carnetQuoteDrop'),
          props: {
            handleDrop: (view, event) => {
              const raw = event.dataTransfer?.getData(PASSAGE_TYPE);
              if (!raw || !editor.isEditable) return false;
              let passage: DraggedPassage;
              try {
                passage = JSON.parse(raw) as DraggedPassage;
              } catch {
                return false;
              }
              const dropped = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.doc.content.size;
              event.preventDefault();
              // The quote comes back after a round trip or two; what is typed meanwhile moves the drop point along.
              let at = dropped;
              const follow = ({ transaction }: { transaction: Transaction }) => {
                at = transaction.mapping.map(at);
              };
              editor.on('transaction', follow);
              void markdownFor(passage)
                .then((markdown) => {
                  if (!editor.isDestroyed) insertQuote(editor, afterTextblock(editor.state.doc, at), markdown);
                }, onError)
                .finally(() => editor.off('transaction', follow));
              return true;
            },
          },
        }),
      ];
    },
  });
}

async function markdownFor(passage: DraggedPassage): Promise<string> {
  const annotationId = 'annotationId' in passage ? passage.annotationId : (await api.createAnnotation({ sourceId: passage.sourceId, sourceRevision: passage.sourceRevision, start: passage.start, end: passage.end })).id;
  return (await api.quoteMarkdown({ sourceId: passage.sourceId, annotationId })).markdown;
}
