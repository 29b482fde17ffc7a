import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Images being saved: a placeholder in the text, from the paste, drop or choice until the image is
 * in, that follows the edits made meanwhile. Each one is known by an object of its own (`id`).
 */

interface PendingMeta {
  add?: { id: object; pos: number };
  remove?: object;
}

const pendingKey = new PluginKey<DecorationSet>('carnetPendingImages');

export const pendingImagesPlugin = () =>
  new Plugin<DecorationSet>({
    key: pendingKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        let next = set.map(tr.mapping, tr.doc);
        const meta = tr.getMeta(pendingKey) as PendingMeta | undefined;
        if (meta?.add) {
          const element = document.createElement('span');
          element.className = 'image-pending';
          element.setAttribute('aria-hidden', 'true');
          next = next.add(tr.doc, [Decoration.widget(meta.add.pos, element, { id: meta.add.id, side: -1 })]);
        }
        if (meta?.remove) {
          const id = meta.remove;
          next = next.remove(next.find(undefined, undefined, (spec: { id?: object }) => spec.id === id));
        }
        return next;
      },
    },
    props: {
      decorations(state) {
        return pendingKey.getState(state);
      },
    },
  });

/** The editor shows placeholders (it has pendingImagesPlugin, that is ImageDropPaste). */
export function tracksPendingImages(state: EditorState): boolean {
  return pendingKey.getState(state) !== undefined;
}

/** `tr`, now also putting the placeholder `id` at `pos`. */
export function addPending(tr: Transaction, id: object, pos: number): Transaction {
  return tr.setMeta(pendingKey, { add: { id, pos } } satisfies PendingMeta);
}

/** `tr`, now also taking the placeholder `id` away. */
export function removePending(tr: Transaction, id: object): Transaction {
  return tr.setMeta(pendingKey, { remove: id } satisfies PendingMeta);
}

/** Where the placeholder `id` is now, or null if it is gone. */
export function pendingPosition(state: EditorState, id: object): number | null {
  const found = pendingKey.getState(state)?.find(undefined, undefined, (spec: { id?: object }) => spec.id === id);
  return found?.[0]?.from ?? null;
}
