import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { placeOfHit } from './open-hit.ts';
import { useSearch } from './use-search.ts';
import type { Place } from '../app/navigation.ts';

/** Ctrl+K: type a few letters, arrow to a result, Enter to open it. */
export function QuickOpen({ revision, onOpen, onClose }: { revision: number; onOpen: (place: Place) => void; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [selected, setSelected] = useState(0);
  const { results, error } = useSearch({ text, asYouType: true, limit: 12 }, revision);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => setSelected(0), [results]);

  const open = (index: number) => {
    const hit = results.hits[index];
    if (!hit) return;
    onOpen(placeOfHit(hit));
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog quick-open" onClose={onClose} aria-label={t('quick.title')}>
      <input
        className="quick-input"
        value={text}
        autoFocus
        placeholder={t('quick.placeholder')}
        aria-label={t('quick.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setSelected((s) => Math.min(s + 1, results.hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((s) => Math.max(s - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            open(selected);
          }
        }}
      />
      {error && <p className="search-error">{error}</p>}
      <ul className="quick-results" role="listbox" aria-label={t('search.results')}>
        {results.hits.map((hit, index) => (
          <li key={hit.ref} role="option" aria-selected={index === selected}>
            <button type="button" className={`search-hit ${index === selected ? 'selected' : ''}`} onClick={() => open(index)} onMouseEnter={() => setSelected(index)}>
              <span className="hit-title">
                <Icon name={hit.kind === 'note' ? 'note' : hit.kind === 'annotation' ? 'code' : 'source'} />
                <span>
                  <HighlightedText text={hit.title} ranges={hit.kind === 'annotation' ? [] : hit.titleHighlights} />
                </span>
              </span>
              <span className="hit-snippet">
                <HighlightedText text={hit.snippet.text} ranges={hit.snippet.highlights} />
              </span>
            </button>
          </li>
        ))}
        {text.trim() && !error && results.hits.length === 0 && <li className="empty-list">{t('search.none')}</li>}
      </ul>
    </dialog>
  );
}
