import { useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { scrollToRange, showHighlight } from './text-highlighter.ts';
import { useTermHighlight } from './use-term-highlight.ts';

/** Ctrl+F: find in the open source or note, accents and case ignored; Enter and Shift+Enter step through. */
export function FindBar({ container, onClose }: { container: RefObject<HTMLElement | null>; onClose: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  useTermHighlight(container, 'carnet-find', text.trim() ? [text] : [], { scrollOnce: false, wholeWords: false }, setRanges);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setCurrent(0), [text]);
  useEffect(() => {
    const range = ranges[current];
    showHighlight('carnet-find-current', range ? [range] : []);
    if (range) scrollToRange(range);
    return () => showHighlight('carnet-find-current', []);
  }, [ranges, current]);

  const step = (delta: number) => ranges.length && setCurrent((c) => (c + delta + ranges.length) % ranges.length);

  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        value={text}
        placeholder={t('find.placeholder')}
        aria-label={t('find.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {text.trim() ? (ranges.length ? t('find.count', { current: current + 1, total: ranges.length }) : t('find.none')) : ''}
      </span>
      <button type="button" className="icon-button" onClick={() => step(-1)} aria-label={t('find.previous')} disabled={!ranges.length}>
        <Icon name="back" />
      </button>
      <button type="button" className="icon-button" onClick={() => step(1)} aria-label={t('find.next')} disabled={!ranges.length}>
        <Icon name="forward" />
      </button>
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
        <Icon name="close" />
      </button>
    </div>
  );
}
