import { memo, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { AnnotationCard, type CardActions } from './AnnotationCard.tsx';
import { filterEntries, NO_FILTER, type AnnotationFilter, type PaneEntry } from './annotation-filter.ts';
import { useProgressive } from '../app/use-progressive.ts';
import { ColorNamesDialog } from './ColorNamesDialog.tsx';
import type { CitingPlace, CodeSummary } from '../../electron/api.ts';
import type { ShownColor } from './highlight-colors.ts';

interface AnnotationPaneProps {
  entries: PaneEntry[];
  /** Per annotation, the places in notes citing it. */
  citedIn?: Record<string, CitingPlace[]>;
  quoteLanguage?: string;
  focusedId?: string;
  colors: ShownColor[];
  codes: CodeSummary[];
  readOnly: boolean;
  actions: CardActions;
  /** The cards shown, in order, for J/K. */
  onVisible: (ids: string[]) => void;
}

/** The source's annotations beside the reader: cards in document order, filtered by words, code, colour and state. */
export const AnnotationPane = memo(function AnnotationPane({ entries, citedIn, quoteLanguage, focusedId, colors, codes, readOnly, actions, onVisible }: AnnotationPaneProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [naming, setNaming] = useState(false);
  const shown = useMemo(() => filterEntries(entries, filter, codes), [entries, filter, codes]);
  // A source with a thousand annotations shows its first cards with the text, the others a frame later.
  const rendered = useProgressive(shown.length, 'cards', 40, shown.length);
  const counts = useMemo(() => ({ review: entries.filter((e) => e.anchor.state === 'needs-review').length, orphan: entries.filter((e) => e.anchor.state === 'orphan').length }), [entries]);
  const usedCodes = useMemo(() => codes.filter((code) => entries.some((e) => e.annotation.codes.includes(code.id))), [codes, entries]);
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  useEffect(() => onVisible(shown.map((e) => e.annotation.id)), [shown, onVisible]);
  useEffect(() => {
    if (focusedId) document.getElementById(`annotation-${focusedId}`)?.scrollIntoView({ block: 'nearest' });
  }, [focusedId]);

  return (
    <aside className="annotation-pane" aria-label={t('annotation.pane')}>
      <header className="annotation-pane-header">
        <h2>
          {t('annotation.pane')} <span className="count">{filtered ? `${shown.length} / ${entries.length}` : entries.length}</span>
          {!readOnly && (
            <button type="button" className="link-button section-action" onClick={() => setNaming(true)}>
              {t('annotation.colors.open')}
            </button>
          )}
        </h2>
        {(counts.review > 0 || counts.orphan > 0) && (
          <p className="anchor-summary">
            {counts.review > 0 && (
              <button type="button" className="link-button" onClick={() => setFilter({ ...NO_FILTER, state: 'needs-review' })}>
                {t('annotation.summary.review', { count: counts.review })}
              </button>
            )}
            {counts.orphan > 0 && (
              <button type="button" className="link-button" onClick={() => setFilter({ ...NO_FILTER, state: 'orphan' })}>
                {t('annotation.summary.orphan', { count: counts.orphan })}
              </button>
            )}
          </p>
        )}
        <div className="annotation-filters">
          <input type="search" value={filter.text} placeholder={t('annotation.filter.text')} aria-label={t('annotation.filter.text')} onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
          <select value={filter.code} aria-label={t('annotation.filter.code')} onChange={(event) => setFilter({ ...filter, code: event.target.value })}>
            <option value="">{t('annotation.filter.anyCode')}</option>
            {usedCodes.map((code) => (
              <option key={code.id} value={code.id}>
                {code.name}
              </option>
            ))}
          </select>
          <select value={filter.color} aria-label={t('annotation.filter.color')} onChange={(event) => setFilter({ ...filter, color: event.target.value })}>
            <option value="">{t('annotation.filter.anyColor')}</option>
            {colors.map((color) => (
              <option key={color.color} value={color.color}>
                {color.name}
              </option>
            ))}
          </select>
          <select value={filter.state} aria-label={t('annotation.filter.state')} onChange={(event) => setFilter({ ...filter, state: event.target.value as AnnotationFilter['state'] })}>
            <option value="">{t('annotation.filter.anyState')}</option>
            <option value="anchored">{t('annotation.state.anchored')}</option>
            <option value="needs-review">{t('annotation.state.review')}</option>
            <option value="orphan">{t('annotation.state.orphan')}</option>
          </select>
          {filtered && (
            <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
              {t('annotation.filter.clear')}
            </button>
          )}
        </div>
      </header>
      <ul className="annotation-list">
        {shown.slice(0, rendered).map((entry) => (
          <AnnotationCard key={entry.annotation.id} annotation={entry.annotation} anchor={entry.anchor} color={entry.color} colors={colors} codes={codes} focused={entry.annotation.id === focusedId} readOnly={readOnly} actions={actions} quoteLanguage={quoteLanguage} citedIn={citedIn?.[entry.annotation.id]} />
        ))}
        {entries.length === 0 && <li className="empty-list">{readOnly ? t('annotation.emptyReadOnly') : t('annotation.empty')}</li>}
        {entries.length > 0 && shown.length === 0 && <li className="empty-list">{t('annotation.noMatch')}</li>}
      </ul>
      {naming && <ColorNamesDialog colors={colors} onClose={() => setNaming(false)} />}
    </aside>
  );
});
