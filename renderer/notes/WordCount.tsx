import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection } from '@tiptap/pm/state';
import { useI18n } from '../i18n/i18n.tsx';
import { countDocument, countText, leafText, type TextCounts } from './word-count.ts';

/**
 * The note's words and characters, and the selection's when there is one. Words are what
 * Intl.Segmenter calls words, so Thai, Khmer or Japanese written without spaces count by word,
 * not as one long word per line, and Vietnamese counts its syllables as its word processors do.
 * Counted when typing pauses (300 ms, then when the page is idle); each paragraph's count
 * is kept until the block changes, so a long note recounts only the paragraph being written.
 */

interface Shown {
  doc: TextCounts;
  selection: TextCounts | null;
}

function measure(editor: Editor, previous: Shown | null, last: { doc: PMNode | null; from: number; to: number }): Shown {
  const { doc, selection } = editor.state;
  const docCounts = previous && last.doc === doc ? previous.doc : countDocument(doc);
  let selected: TextCounts | null = null;
  // A selected block or image (a node selection) is not text the user is measuring.
  if (!selection.empty && !(selection instanceof NodeSelection)) {
    selected = previous?.selection && last.doc === doc && last.from === selection.from && last.to === selection.to ? previous.selection : countText(doc.textBetween(selection.from, selection.to, '\n', leafText));
  }
  last.doc = doc;
  last.from = selection.from;
  last.to = selection.to;
  return { doc: docCounts, selection: selected };
}

const DELAY_MS = 300;

export function WordCount({ editor }: { editor: Editor | null }) {
  const { t, language } = useI18n();
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    if (!editor) return;
    const last: { doc: PMNode | null; from: number; to: number } = { doc: null, from: -1, to: -1 };
    let current: Shown | null = null;
    let timer: number | null = null;
    let idle: number | null = null;
    const run = () => {
      idle = null;
      if (editor.isDestroyed) return;
      const next = measure(editor, current, last);
      if (next.doc !== current?.doc || next.selection !== current?.selection) {
        current = next;
        setShown(next);
      }
    };
    const schedule = () => {
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = null;
        if (idle !== null) return;
        idle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout: 1000 }) : window.setTimeout(run, 0);
      }, DELAY_MS);
    };
    const onTransaction = () => {
      // A selection that is gone stops being shown at once (nothing to count); the rest waits.
      if (current?.selection && editor.state.selection.empty) {
        current = { ...current, selection: null };
        setShown(current);
      }
      schedule();
    };
    run();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== null) window.clearTimeout(timer);
      if (idle !== null) {
        if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
        else window.clearTimeout(idle);
      }
    };
  }, [editor]);

  if (!shown) return null;
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB');
  const words = (counts: TextCounts) => t('editor.count.words', { count: counts.words, n: number.format(counts.words) });
  const characters = (counts: TextCounts) => t('editor.count.characters', { count: counts.characters, n: number.format(counts.characters) });
  return (
    <p className="word-count">
      <span>{words(shown.doc)}</span>
      <span aria-hidden="true"> · </span>
      <span>{characters(shown.doc)}</span>
      {shown.selection && <span className="word-count-selection">{t('editor.count.selection', { words: words(shown.selection), characters: characters(shown.selection) })}</span>}
    </p>
  );
}
