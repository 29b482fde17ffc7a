import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { selectedBodyRange, type BodyRange } from './reader-selection.ts';
import type { ToolbarPanel } from './SelectionToolbar.tsx';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Pending {
  range: BodyRange;
  box: Box;
  /** Set once the selection became an annotation (or when an existing highlight was clicked). */
  annotationId: string | null;
  panel: ToolbarPanel;
}

/** A viewport rectangle in the coordinates of `container`, which scrolls with the text. */
export function boxWithin(container: HTMLElement, rect: DOMRect): Box {
  const origin = container.getBoundingClientRect();
  return { top: rect.top - origin.top, bottom: rect.bottom - origin.top, left: rect.left - origin.left, right: rect.right - origin.left };
}

/**
 * When the selection toolbar shows: after a mouse selection (drag, double or triple click) or a
 * Shift+arrow selection in the body, and until Esc or a click elsewhere. Keyboard users start a
 * selection with Shift+arrows from the first paragraph in view (a static page has no caret).
 */
export function useSelectionToolbar(container: RefObject<HTMLElement | null>, body: RefObject<HTMLElement | null>, onDismiss: () => void) {
  const [pending, setPending] = useState<Pending | null>(null);
  const selecting = useRef(false);

  const readSelection = useCallback(() => {
    const root = body.current;
    const box = container.current;
    if (!root || !box) return;
    const selected = selectedBodyRange(root);
    if (selected) setPending({ range: selected.range, box: boxWithin(box, selected.rect), annotationId: null, panel: 'main' });
  }, [body, container]);

  // Handlers for the body element itself: it is rendered only once the source has loaded.
  const bodyHandlers = {
    // The selection is final when the button comes up (a double or triple click set it on the way down),
    // wherever it comes up: a drag often ends past the text's edge.
    onMouseDown: () => {
      selecting.current = true;
    },
    onKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => {
      const root = body.current;
      if (!root || !event.shiftKey || !event.key.startsWith('Arrow')) return;
      const selection = window.getSelection();
      if (!selection) return;
      event.preventDefault();
      if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) startInView(root, selection);
      const direction = event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? 'backward' : 'forward';
      const granularity = event.key === 'ArrowUp' || event.key === 'ArrowDown' ? 'line' : event.ctrlKey || event.altKey ? 'word' : 'character';
      selection.modify('extend', direction, granularity);
    },
    onKeyUp: (event: ReactKeyboardEvent<HTMLElement>) => {
      if (event.key === 'Shift' || (event.shiftKey && event.key.startsWith('Arrow'))) readSelection();
    },
  };

  useEffect(() => {
    const onUp = () => {
      if (!selecting.current) return;
      selecting.current = false;
      readSelection();
    };
    document.addEventListener('mouseup', onUp);
    return () => document.removeEventListener('mouseup', onUp);
  }, [readSelection]);

  useEffect(() => {
    if (!pending) return;
    const onDown = (event: MouseEvent) => {
      if (!(event.target as HTMLElement | null)?.closest('.selection-toolbar, dialog')) onDismiss();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [pending, onDismiss]);

  return { pending, setPending, bodyHandlers };
}

/** A collapsed selection at the start of the first paragraph visible in the reader. */
function startInView(root: HTMLElement, selection: Selection): void {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const first = runs.find((run) => run.getBoundingClientRect().bottom > 0) ?? runs[0];
  const text = first?.firstChild;
  if (text) selection.collapse(text, 0);
}
