import { useMemo, useRef, useState, type DragEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { codesById, makesCycle } from './code-tree.ts';
import type { CodeSummary } from '../../electron/api.ts';

const TYPE = 'application/x-carnet-code';

/** The attribute that names a list item's code, for the item handlers (shared by every item, so rows can be memoised). */
export const DRAG_CODE_ATTRIBUTE = 'data-code-id';

export interface CodeDragItemHandlers {
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

/**
 * Codes moved by dragging in the Codes list: onto another code to go under it, onto the list's free space for the top level.
 * Items carry `draggable`, `data-code-id` and the (stable) `itemHandlers`; `itemProps(id)` gives all three.
 */
export function useCodeDrag(codes: CodeSummary[], enabled: boolean, say: (text: string) => void) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  // The handlers stay the same from render to render; they read what they need here.
  const latest = useRef({ codes, enabled, say, t });
  latest.current = { codes, enabled, say, t };

  const { itemHandlers, listHandlers } = useMemo(() => {
    const carrying = (event: DragEvent) => latest.current.enabled && event.dataTransfer.types.includes(TYPE);
    const idOf = (event: DragEvent<HTMLElement>) => event.currentTarget.getAttribute(DRAG_CODE_ATTRIBUTE) ?? '';

    const move = async (id: string, parent: string | null) => {
      const { codes, say, t } = latest.current;
      setOver(null);
      const byId = codesById(codes);
      const code = byId.get(id);
      if (!code || (code.parent ?? null) === parent) return;
      if (makesCycle(codes, id, parent)) {
        say(t('codes.form.cycle', { name: code.name, parent: (parent && byId.get(parent)?.name) ?? '' }));
        return;
      }
      try {
        const saved = await api.updateCode({ id, parent });
        say(t('codes.moved', { name: saved.name, parent: (parent && byId.get(parent)?.name) ?? t('codes.form.topLevel') }));
      } catch (failure) {
        say(errorMessage(failure));
      }
    };

    const itemHandlers: CodeDragItemHandlers = {
      onDragStart: (event) => {
        event.dataTransfer.setData(TYPE, idOf(event));
        event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (event) => {
        if (!carrying(event)) return;
        event.preventDefault();
        event.stopPropagation();
        setOver(idOf(event));
      },
      onDragLeave: (event) => {
        const id = idOf(event);
        setOver((current) => (current === id ? null : current));
      },
      onDrop: (event) => {
        if (!carrying(event)) return;
        event.preventDefault();
        event.stopPropagation();
        void move(event.dataTransfer.getData(TYPE), idOf(event));
      },
    };

    const listHandlers = {
      onDragOver: (event: DragEvent) => {
        if (!carrying(event)) return;
        event.preventDefault();
        setOver('');
      },
      onDragLeave: () => setOver((current) => (current === '' ? null : current)),
      onDrop: (event: DragEvent) => {
        if (!carrying(event)) return;
        event.preventDefault();
        void move(event.dataTransfer.getData(TYPE), null);
      },
    };
    return { itemHandlers, listHandlers };
  }, []);

  const itemProps = (id: string) => (enabled ? { draggable: true, [DRAG_CODE_ATTRIBUTE]: id, ...itemHandlers } : {});
  const listProps = enabled ? listHandlers : {};

  /** The code under the pointer ('' for the list itself), for the drop highlight. */
  return { over, enabled, itemHandlers, itemProps, listProps };
}
