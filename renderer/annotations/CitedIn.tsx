import { useI18n } from '../i18n/i18n.tsx';
import type { CitingPlace } from '../../electron/api.ts';

interface CitedInProps {
  places: CitingPlace[];
  shown: boolean;
  onToggle: () => void;
  onOpen: (place: CitingPlace) => void;
}

/** "Cited in 2 notes", and the places: each opens its note at the citation. */
export function CitedIn({ places, shown, onToggle, onOpen }: CitedInProps) {
  const { t } = useI18n();
  const notes = new Set(places.map((p) => p.noteId)).size;
  const flagged = places.filter((p) => p.state !== 'verified').length;
  return (
    <div className="cited-in">
      <button type="button" className="link-button" aria-expanded={shown} onClick={onToggle}>
        {t('citedIn.count', { count: notes })}
        {flagged > 0 && <span className="badge badge-warning">{t('citedIn.flagged', { count: flagged })}</span>}
      </button>
      {shown && (
        <ul className="cited-in-places">
          {places.map((place) => (
            <li key={`${place.noteId}:${place.index}`}>
              <button type="button" className="link-button" onClick={() => onOpen(place)}>
                {t('citedIn.place', { title: place.title, line: place.line })}
              </button>
              {place.state !== 'verified' && <span className="muted small"> — {t(`citedIn.state.${place.state}`)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
