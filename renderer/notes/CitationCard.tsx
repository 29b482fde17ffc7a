import { useLayoutEffect, useRef, useState } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { QuoteDiff } from '../annotations/QuoteDiff.tsx';
import { CommentView } from '../annotations/CommentView.tsx';
import { citationStateText } from './citation-words.ts';
import type { Citation } from '../../electron/api.ts';

interface CitationCardProps {
  citation: Citation;
  /** The chip the card belongs to, in the window's coordinates. */
  anchor: DOMRect;
  onOpenSource: (citation: Citation) => void;
  onOpenExternal: (url: string) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/**
 * What a citation chip says on hover (or with the caret in it): its state in words, the source,
 * the passage as it is in the source today and the annotation's comment; for a changed quote, the
 * words that differ between the note and the source.
 */
export function CitationCard({ citation, anchor, onOpenSource, onOpenExternal, onPointerEnter, onPointerLeave }: CitationCardProps) {
  const { t, language } = useI18n();
  const card = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number }>({ top: anchor.bottom + 6, left: anchor.left });

  // Under the chip, or above it when there is no room; never past the window's right edge.
  useLayoutEffect(() => {
    const box = card.current?.getBoundingClientRect();
    if (!box) return;
    const below = anchor.bottom + 6;
    const top = below + box.height > window.innerHeight - 8 ? Math.max(8, anchor.top - box.height - 6) : below;
    const left = Math.max(8, Math.min(anchor.left, window.innerWidth - box.width - 8));
    setPlace({ top, left });
  }, [anchor, citation]);

  const { source } = citation;
  const where = source ? [source.publisher, source.published ? formatDate(source.published, language) : '', citation.page ? t('citation.page', { page: String(citation.page) }) : ''].filter(Boolean).join(' · ') : '';
  return (
    <div ref={card} className={`citation-card citation-${citation.state}`} role="tooltip" style={{ top: place.top, left: place.left }} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      <p className="citation-card-state">
        <span className="citation-mark" aria-hidden="true" /> {citationStateText(t, citation)}
      </p>
      {source ? (
        <p className="citation-card-source">
          <cite>{source.title}</cite>
          {where && <span className="muted"> — {where}</span>}
        </p>
      ) : null}
      {citation.state === 'changed' && citation.quoted !== null && citation.passage !== null ? (
        <div className="citation-card-diff">
          <QuoteDiff before={citation.quoted} now={citation.passage} />
          <p className="muted small">{t('citation.card.diffLegend')}</p>
        </div>
      ) : (
        citation.passage && <blockquote className="citation-card-passage">{citation.passage}</blockquote>
      )}
      {citation.comment && (
        <div className="citation-card-comment">
          <span className="muted small">{t('citation.card.comment')}</span>
          <CommentView markdown={citation.comment} onOpenExternal={onOpenExternal} />
        </div>
      )}
      {source && (
        <button type="button" className="link-button" onClick={() => onOpenSource(citation)}>
          {t('citation.card.open')}
        </button>
      )}
    </div>
  );
}
