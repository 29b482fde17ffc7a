import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { listKeys, SearchHitItem } from './SearchHitItem.tsx';
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
        onKeyDown={(e) => listKeys(e, results.hits.length, setSelected, () => open(selected))}
      />
      {error && <p className="search-error">{error}</p>}
      <ul className="quick-results" role="listbox" aria-label={t('search.results')}>
        {results.hits.map((hit, index) => (
          <SearchHitItem key={hit.ref} hit={hit} selected={index === selected} onOpen={() => open(index)} onHover={() => setSelected(index)} />
        ))}
        {text.trim() && !error && results.hits.length === 0 && <li className="empty-list">{t('search.none')}</li>}
      </ul>
    </dialog>
  );
}
