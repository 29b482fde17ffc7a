import { useState, type DragEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { makesCycle } from './code-tree.ts';
import type { CodeSummary } from '../../electron/api.ts';

const TYPE = 'application/x-carnet-code';

/** Codes moved by dragging in the Codes list: onto another code to go under it, onto the list's free space for the top level. */
export function useCodeDrag(codes: CodeSummary[], enabled: boolean, say: (text: string) => void) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  const carrying = (event: DragEvent) => enabled && event.dataTransfer.types.includes(TYPE);

  const move = async (id: string, parent: string | null) => {
    setOver(null);
    const code = codes.find((c) => c.id === id);
    if (!code || (code.parent ?? null) === parent) return;
    if (makesCycle(codes, id, parent)) {
      say(t('codes.form.cycle', { name: code.name, parent: codes.find((c) => c.id === parent)?.name ?? '' }));
      return;
    }
    try {
      const saved = await api.updateCode({ id, parent });
      say(t('codes.moved', { name: saved.name, parent: codes.find((c) => c.id === parent)?.name ?? t('codes.form.topLevel') }));
    } catch (failure) {
      say(errorMessage(failure));
    }
  };

  const itemProps = (id: string) =>
    enabled
      ? {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.setData(TYPE, id);
            event.dataTransfer.effectAllowed = 'move';
          },
          onDragOver: (event: DragEvent) => {
            if (!carrying(event)) return;
            event.preventDefault();
            event.stopPropagation();
            setOver(id);
          },
          onDragLeave: () => setOver((current) => (current === id ? null : current)),
          onDrop: (event: DragEvent) => {
            if (!carrying(event)) return;
            event.preventDefault();
            event.stopPropagation();
            void move(event.dataTransfer.getData(TYPE), id);
          },
        }
      : {};

  const listProps = enabled
    ? {
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
      }
    : {};

  /** The code under the pointer ('' for the list itself), for the drop highlight. */
  return { over, itemProps, listProps };
}
