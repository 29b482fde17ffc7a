import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { api } from '../api-client.ts';
import { checksByKey, citationRanges, setCitationChecks } from './citation-chips.ts';
import type { Citation } from '../../electron/api.ts';

export interface ShownCard {
  citation: Citation;
  anchor: DOMRect;
}

/** How long the pointer may take to go from a chip to its card before the card goes. */
const LEAVE_DELAY_MS = 250;

/**
 * The note's citations as checked on the Node side, given to the chips, and the card shown for the
 * chip under the pointer or holding the caret. `openAt`: the citation to scroll to and flash once the
 * note is shown (from the Citations report).
 */
export function useCitationChips(editor: Editor | null, noteId: string | null, revision: number, loaded: boolean, openAt: number | undefined) {
  const checks = useRef(new Map<string, Citation>());
  const [card, setCard] = useState<ShownCard | null>(null);
  const leaveTimer = useRef<number | null>(null);

  useEffect(() => {
    if (!editor || !noteId || !loaded) return;
    let live = true;
    api.listCitations({ noteId }).then(
      (citations) => {
        if (!live || editor.isDestroyed) return;
        checks.current = checksByKey(citations);
        editor.view.dispatch(setCitationChecks(editor.state.tr, checks.current));
      },
      // A check that fails leaves the chips unchecked: the note itself is unaffected.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [editor, noteId, revision, loaded]);

  // Each citation asked for is shown once; another one of the same note (from the report) moves there.
  const opened = useRef<number | null>(null);
  useEffect(() => {
    if (!editor || !loaded || openAt === undefined || opened.current === openAt) return;
    const range = citationRanges(editor.state.doc)[openAt];
    if (!range) return;
    opened.current = openAt;
    editor.commands.setTextSelection(range.from);
    const chip = editor.view.dom.querySelector<HTMLElement>(`[data-citation="${openAt}"]`);
    chip?.scrollIntoView({ block: 'center' });
    chip?.classList.add('citation-flash');
    window.setTimeout(() => chip?.classList.remove('citation-flash'), 1600);
  }, [editor, loaded, openAt]);

  const cancelLeave = useCallback(() => {
    if (leaveTimer.current !== null) window.clearTimeout(leaveTimer.current);
    leaveTimer.current = null;
  }, []);
  const leave = useCallback(() => {
    cancelLeave();
    leaveTimer.current = window.setTimeout(() => setCard(null), LEAVE_DELAY_MS);
  }, [cancelLeave]);

  const showFor = useCallback((element: HTMLElement | null) => {
    const key = element?.closest<HTMLElement>('[data-citation-key]')?.dataset.citationKey;
    const citation = key ? checks.current.get(key) : undefined;
    if (!element || !citation) return false;
    cancelLeave();
    setCard({ citation, anchor: element.getBoundingClientRect() });
    return true;
  }, [cancelLeave]);

  const onMouseOver = useCallback((event: MouseEvent) => void showFor((event.target as HTMLElement).closest<HTMLElement>('[data-citation-key]')), [showFor]);
  const onMouseOut = useCallback((event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('[data-citation-key]')) leave();
  }, [leave]);

  // The caret in a citation shows its card too: the keyboard's way to the same information.
  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      const { from, empty, $from } = editor.state.selection;
      // Most keystrokes are not in a citation: the document is walked only when the caret is in a carnet link.
      const inCitation = empty && $from.marks().some((mark) => mark.type.name === 'link' && String(mark.attrs.href).startsWith('carnet://source/'));
      const range = inCitation ? citationRanges(editor.state.doc).find((r) => from > r.from && from < r.to) : undefined;
      if (!range) return setCard((shown) => (shown && editor.isFocused ? null : shown));
      showFor(editor.view.dom.querySelector<HTMLElement>(`.citation-chip[data-citation="${range.index}"]`));
    };
    editor.on('selectionUpdate', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
    };
  }, [editor, showFor]);

  useEffect(() => {
    if (!card) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setCard(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card]);

  return { card, onMouseOver, onMouseOut, keepCard: cancelLeave, leaveCard: leave, hideCard: () => setCard(null) };
}
