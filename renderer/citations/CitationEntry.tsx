import { memo } from 'react';
import { QuoteDiff } from '../annotations/QuoteDiff.tsx';
import { StateBadge } from './StateBadge.tsx';
import { shorten } from './citation-report-model.ts';
import type { Translate } from '../i18n/i18n.tsx';
import type { Citation } from '../../electron/api.ts';

export interface EntryActions {
  openNote: (citation: Citation) => void;
  /** The note from its top: its heading in the report. */
  openNoteTop: (noteId: string) => void;
  openSource: (citation: Citation) => void;
  openTrash: () => void;
}

/**
 * One citation: the row opens the note at it; under it, what is wrong in words (and for a changed
 * quote, the two texts word by word). Memoised: thousands of them must not re-render on each batch.
 */
export const CitationEntry = memo(function CitationEntry({ citation, actions, t }: { citation: Citation; actions: EntryActions; t: Translate }) {
  const { state } = citation;
  const sourceTitle = citation.source?.title ?? t('citationReport.sourceMissing');
  const quote = citation.quoted === null ? null : shorten(citation.quoted);
  return (
    <li className={`citation-entry state-${state}`}>
      <button
        type="button"
        className="citation-open"
        title={t('citationReport.openNote')}
        onClick={() => actions.openNote(citation)}
      >
        <StateBadge state={state} t={t} />
        <span className="citation-text">
          <span className="citation-meta">
            <span className={citation.source ? 'citation-source' : 'citation-source gone'}>{sourceTitle}</span>
            {citation.page !== undefined && <span className="muted">{t('citationReport.page', { page: citation.page })}</span>}
            <span className="citation-line">{t('citationReport.line', { line: citation.line })}</span>
          </span>
          {quote !== null ? (
            <q className="citation-quote">{quote}</q>
          ) : (
            <span className="citation-quote muted">{t(citation.annotationId === null ? 'citationReport.wholeSource' : 'citationReport.noQuote')}</span>
          )}
        </span>
      </button>
      <EntryDetail citation={citation} t={t} />
      <div className="citation-actions">
        {citation.source && (
          <button type="button" className="link-button" onClick={() => actions.openSource(citation)}>
            {t(citation.annotationId && citation.missing !== 'annotation' ? 'citationReport.openPassage' : 'citationReport.openSource')}
          </button>
        )}
        {citation.missing === 'source' && (
          <button type="button" className="link-button" onClick={actions.openTrash}>
            {t('citationReport.openTrash')}
          </button>
        )}
      </div>
    </li>
  );
});

function EntryDetail({ citation, t }: { citation: Citation; t: Translate }) {
  if (citation.state === 'changed' && citation.quoted !== null && citation.passage !== null) {
    return (
      <div className="citation-diff">
        <QuoteDiff before={citation.quoted} now={citation.passage} />
        <p className="citation-diff-legend">
          <span>
            <del>{t('citationReport.diff.struck')}</del> {t('citationReport.diff.note')}
          </span>
          <span>
            <ins>{t('citationReport.diff.marked')}</ins> {t('citationReport.diff.source')}
          </span>
        </p>
      </div>
    );
  }
  if (citation.state === 'missing') return <p className="citation-explain">{t(`citationReport.missing.${citation.missing ?? 'annotation'}`)}</p>;
  if (citation.state === 'needs-review') return <p className="citation-explain">{t('citationReport.review')}</p>;
  return null;
}
