import { memo, useMemo, useState, type CSSProperties, type DragEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { CodeTypeahead } from './CodeTypeahead.tsx';
import { CommentField } from './CommentField.tsx';
import { CommentView } from './CommentView.tsx';
import { QuoteDiff } from './QuoteDiff.tsx';
import { readableQuote, shortQuote } from './readable-quote.ts';
import { QuoteTargets, type QuoteTarget } from './QuoteTargets.tsx';
import { CitedIn } from './CitedIn.tsx';
import type { Annotation, AnnotationAnchor, CitingPlace, CodeSummary } from '../../electron/api.ts';
import type { ShownColor } from './highlight-colors.ts';

/** What a card can do, for any annotation by id: one stable object, so that unchanged cards do not re-render. */
export interface CardActions {
  onSelect: (id: string) => void;
  onColor: (id: string, color: string) => void;
  onToggleCode: (id: string, code: string, on: boolean) => void;
  onCreateCode: (id: string, name: string) => void;
  onComment: (id: string, comment: string) => void;
  onResolve: (id: string, action: 'accept' | 'detach') => void;
  /** Asks the reader to let the user select the words a lost annotation belongs to. */
  onStartAttach: (id: string) => void;
  onDelete: (id: string) => void;
  onOpenExternal: (url: string) => void;
  onQuote: (id: string, target: QuoteTarget) => void;
  /** Sets what dragging the card into a note carries. */
  onDragStart: (id: string, event: DragEvent<HTMLElement>) => void;
  /** Opens a note at one of its citations. */
  onOpenCitation: (place: CitingPlace) => void;
}

interface AnnotationCardProps {
  actions: CardActions;
  annotation: Annotation;
  anchor: AnnotationAnchor;
  color: string;
  colors: ShownColor[];
  codes: CodeSummary[];
  focused: boolean;
  readOnly: boolean;
  /** The source's language: a French quote takes « » whatever the interface's language. */
  quoteLanguage?: string;
  /** The places in notes citing this passage. */
  citedIn?: CitingPlace[];
}

/** One passage: its colour, quote, codes and comment, its anchoring state, and everything to edit it in place. */
export const AnnotationCard = memo(function AnnotationCard(props: AnnotationCardProps) {
  const { t } = useI18n();
  const { annotation, anchor, readOnly, actions } = props;
  const id = annotation.id;
  const readable = useMemo(() => readableQuote(annotation.quote.exact), [annotation.quote.exact]);
  const [editing, setEditing] = useState<'codes' | 'comment' | 'quote' | null>(null);
  const [showCiting, setShowCiting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const citingNotes = new Set(props.citedIn?.map((p) => p.noteId)).size;
  const byId = useMemo(() => new Map(props.codes.map((c) => [c.id, c])), [props.codes]);

  return (
    <li
      id={`annotation-${annotation.id}`}
      className={`annotation-card state-${anchor.state} ${props.focused ? 'focused' : ''}`}
      style={{ '--card-color': props.color } as CSSProperties}
      aria-current={props.focused ? 'true' : undefined}
      draggable={anchor.state === 'anchored' && editing === null}
      onDragStart={(event) => actions.onDragStart(id, event)}
    >
      <button type="button" className="card-quote" onClick={() => actions.onSelect(id)} aria-label={t('annotation.goTo', { quote: shortQuote(readable, 80) })}>
        <q lang={props.quoteLanguage} className={/^[«"“‘'„]/.test(readable) ? 'own-quotes' : undefined}>
          {shortQuote(readable, 400)}
        </q>
      </button>
      {anchor.state === 'orphan' && (
        <div className="anchor-state" role="note">
          <p>
            <span className="badge badge-warning">{annotation.detached ? t('annotation.state.detached') : t('annotation.state.orphan')}</span> {annotation.detached ? t('annotation.state.detachedExplain') : t('annotation.state.orphanExplain')}
          </p>
          {!readOnly && (
            <button type="button" className="link-button" onClick={() => actions.onStartAttach(id)}>
              {t('annotation.attach.start')}
            </button>
          )}
        </div>
      )}
      {anchor.state === 'needs-review' && (
        <div className="anchor-state review" role="note">
          <p>
            <span className="badge badge-warning">{t('annotation.state.review')}</span> {t('annotation.state.reviewExplain')}
          </p>
          <QuoteDiff before={readable} now={readableQuote(anchor.found)} />
          {!readOnly && (
            <div className="card-actions">
              <button type="button" className="primary" onClick={() => actions.onResolve(id, 'accept')}>
                {t('annotation.review.accept')}
              </button>
              <button type="button" onClick={() => actions.onResolve(id, 'detach')}>
                {t('annotation.review.detach')}
              </button>
            </div>
          )}
        </div>
      )}
      {annotation.codes.length > 0 && (
        <div className="chips">
          {annotation.codes.map((id) => (
            <span key={id} className={`chip ${byId.has(id) ? '' : 'unknown'}`} style={{ '--chip-color': byId.get(id)?.color ?? '#888888' } as CSSProperties} title={byId.has(id) ? undefined : t('annotation.codes.unknownExplain', { id })}>
              {byId.get(id)?.name ?? t('annotation.codes.unknown')}
            </span>
          ))}
        </div>
      )}
      {editing === 'comment' ? (
        <CommentField
          initial={annotation.comment}
          onSave={(comment) => {
            actions.onComment(id, comment);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        annotation.comment && <CommentView markdown={annotation.comment} onOpenExternal={actions.onOpenExternal} />
      )}
      {editing === 'codes' && (
        <CodeTypeahead
          codes={props.codes}
          selected={annotation.codes}
          onToggle={(code) => actions.onToggleCode(id, code, !annotation.codes.includes(code))}
          onCreate={(name) => actions.onCreateCode(id, name)}
          onDone={() => setEditing(null)}
        />
      )}
      {editing === 'quote' && (
        <QuoteTargets
          onChoose={(target) => {
            setEditing(null);
            actions.onQuote(id, target);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {props.citedIn && props.citedIn.length > 0 && <CitedIn places={props.citedIn} shown={showCiting} onToggle={() => setShowCiting((v) => !v)} onOpen={actions.onOpenCitation} />}
      {!readOnly && props.focused && editing === null && (
        <div className="card-actions">
          <span className="card-colors">
            {props.colors.map((color) => (
              <button key={color.color} type="button" className={`color-button small ${annotation.color === color.color ? 'chosen' : ''}`} style={{ '--swatch': color.color } as CSSProperties} title={color.name} aria-label={t('annotation.highlightIn', { name: color.name, key: props.colors.indexOf(color) + 1 })} aria-pressed={annotation.color === color.color} onClick={() => actions.onColor(id, color.color)} />
            ))}
          </span>
          <button type="button" className="link-button" onClick={() => setEditing('codes')}>
            {t('annotation.codes')}
          </button>
          <button type="button" className="link-button" onClick={() => setEditing('comment')}>
            {annotation.comment ? t('annotation.comment.edit') : t('annotation.comment')}
          </button>
          {anchor.state === 'anchored' && (
            <button type="button" className="link-button" title={t('quote.hint')} onClick={() => setEditing('quote')}>
              {t('quote.button')}
            </button>
          )}
          <button type="button" className="link-button danger-text" onClick={() => (citingNotes > 0 ? setConfirmDelete(true) : actions.onDelete(id))}>
            {t('annotation.delete')}
          </button>
        </div>
      )}
      {confirmDelete && (
        <div
          className="anchor-state"
          role="alertdialog"
          aria-label={t('annotation.delete')}
          ref={(element) => element?.scrollIntoView({ block: 'nearest' })}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            setConfirmDelete(false);
          }}
        >
          <p>{t('delete.citedAnnotation', { count: citingNotes })}</p>
          <div className="card-actions">
            <button type="button" className="danger" onClick={() => actions.onDelete(id)}>
              {t('annotation.delete')}
            </button>
            <button type="button" autoFocus onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
});
