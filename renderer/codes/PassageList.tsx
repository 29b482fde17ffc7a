import type { CSSProperties } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { codesById } from './code-tree.ts';
import type { Place } from '../app/navigation.ts';
import type { CodeSummary, CodedPassage } from '../../electron/api.ts';
import { readableQuote } from '../annotations/readable-quote.ts';

/**
 * Coded passages as cards: the quote, its source and date, the comment, the passage's other codes
 * in their colours, and a badge when the passage was found only approximately or not at all.
 */
export function PassageList({ passages, codes, hide = [], empty, onOpen }: { passages: CodedPassage[]; codes: CodeSummary[]; hide?: string[]; empty: string; onOpen: (place: Place) => void }) {
  const { t, language } = useI18n();
  const byId = codesById(codes);
  return (
    <ul className="passage-list coded-passages">
      {passages.map((p) => {
        const own = p.annotation.codes.map((id) => byId.get(id)).filter((c): c is CodeSummary => c !== undefined);
        const others = own.filter((c) => !hide.includes(c.id));
        const colour = p.annotation.color ?? own[0]?.color ?? 'var(--accent)';
        return (
          <li key={`${p.sourceId}/${p.annotation.id}`}>
            <button type="button" className="passage passage-card" onClick={() => onOpen({ kind: 'source', id: p.sourceId, annotationId: p.annotation.id })}>
              <span className="passage-head">
                <span className="passage-origin">
                  <span className="passage-source-title">{p.sourceTitle}</span>
                  {p.sourcePublished && <span className="passage-date"> · {formatDate(p.sourcePublished, language)}</span>}
                </span>
                {p.state === 'needs-review' && <span className="badge badge-warning">{t('passages.state.needsReview')}</span>}
                {p.state === 'orphan' && <span className="badge badge-danger">{t('passages.state.orphan')}</span>}
              </span>
              <span className="passage-quote" style={{ borderColor: colour }}>
                {readableQuote(p.annotation.quote.exact)}
              </span>
              {p.annotation.comment && <span className="passage-comment">{p.annotation.comment}</span>}
              {others.length > 0 && (
                <span className="chips" aria-label={t('passages.otherCodes')}>
                  {others.map((c) => (
                    <span key={c.id} className="chip" style={{ '--chip-color': c.color } as CSSProperties}>
                      {c.name}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        );
      })}
      {passages.length === 0 && <li className="empty-list">{empty}</li>}
    </ul>
  );
}
