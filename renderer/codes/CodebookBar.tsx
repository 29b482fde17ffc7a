import { useI18n } from '../i18n/i18n.tsx';
import { Icon, PathIcon } from '../app/icons.tsx';
import type { Place } from '../app/navigation.ts';
import { ImportCodebookButton } from './ImportCodebookButton.tsx';

/** Small drawings for the three analysis views. */
export const VIEW_ICONS = {
  passages: 'M5 5h14M5 9h10M5 15h14M5 19h10',
  matrix: 'M4 4h16v16H4zM4 10h16M4 15h16M10 4v16M15 4v16',
  cooccurrence: 'M3 12a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0 -11 0M10 12a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0 -11 0',
} as const;

/** The Codes tab's way into the codebook's views, and a new code. */
export function CodebookBar({ place, readOnly, onNew, onOpen }: { place: Place; readOnly: boolean; onNew: () => void; onOpen: (place: Place) => void }) {
  const { t } = useI18n();
  const views: { kind: 'passages' | 'matrix' | 'cooccurrence'; place: Place; label: string }[] = [
    { kind: 'passages', place: { kind: 'passages', all: [], any: [], none: [] }, label: t('codes.bar.passages') },
    { kind: 'matrix', place: { kind: 'matrix' }, label: t('codes.bar.matrix') },
    { kind: 'cooccurrence', place: { kind: 'cooccurrence' }, label: t('codes.bar.cooccurrence') },
  ];
  return (
    <div className="codebook-bar">
      <div className="codebook-actions">
        <button type="button" className="codebook-new" onClick={onNew} disabled={readOnly} title={readOnly ? t('codes.bar.readOnly') : undefined}>
          <Icon name="plus" /> {t('codes.bar.new')}
        </button>
        <ImportCodebookButton readOnly={readOnly} />
      </div>
      <div className="codebook-views" role="group" aria-label={t('codes.bar.views')}>
        {views.map((view) => (
          <button
            key={view.kind}
            type="button"
            className={`codebook-view ${place.kind === view.kind ? 'selected' : ''}`}
            aria-current={place.kind === view.kind ? 'page' : undefined}
            onClick={() => onOpen(view.place)}
          >
            <PathIcon d={VIEW_ICONS[view.kind]} /> {view.label}
          </button>
        ))}
      </div>
    </div>
  );
}
