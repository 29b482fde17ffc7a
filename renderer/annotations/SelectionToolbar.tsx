import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { CodeTypeahead } from './CodeTypeahead.tsx';
import { CommentField } from './CommentField.tsx';
import { QuoteTargets, type QuoteTarget } from './QuoteTargets.tsx';
import type { CodeSummary } from '../../electron/api.ts';
import type { ShownColor } from './highlight-colors.ts';

export type ToolbarPanel = 'main' | 'codes' | 'comment' | 'quote';

interface SelectionToolbarProps {
  /** The selection's box, relative to the positioned container the toolbar lives in. */
  box: { top: number; bottom: number; left: number; right: number };
  containerWidth: number;
  colors: ShownColor[];
  /** The annotation the toolbar works on, once the selection became one. */
  color?: string;
  codes: CodeSummary[];
  selectedCodes: string[];
  comment: string;
  panel: ToolbarPanel;
  onPanel: (panel: ToolbarPanel) => void;
  onColor: (color: string) => void;
  onToggleCode: (codeId: string) => void;
  onCreateCode: (name: string) => void;
  onComment: (comment: string) => void;
  onCommentDraft: (text: string) => void;
  onCopy: () => void;
  onQuote: (target: QuoteTarget) => void;
  onClose: () => void;
  /** Set while the user chooses the words for a lost annotation: the toolbar offers only that. */
  onAttach?: () => void;
}

const GAP = 8;

/**
 * The small toolbar by a selection: five colours (keys 1–5), codes, comment, quote in a note, copy as citation.
 * It sits above the selection, or below when there is no room, so it never covers the words.
 */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const { t } = useI18n();
  const bar = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const { box, containerWidth, panel } = props;

  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const { offsetHeight: height, offsetWidth: width } = element;
    const above = box.top - height - GAP;
    const top = above >= 0 && panel === 'main' ? above : box.bottom + GAP;
    const centre = (box.left + box.right) / 2;
    setPlace({ top, left: Math.max(4, Math.min(centre - width / 2, containerWidth - width - 4)) });
  }, [box.top, box.bottom, box.left, box.right, containerWidth, panel]);

  // An open panel below a passage at the foot of the window would be out of sight: bring it in.
  useEffect(() => {
    if (place) bar.current?.scrollIntoView({ block: 'nearest' });
  }, [place, panel]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        props.onClose();
        return;
      }
      if (props.panel !== 'main' || props.onAttach || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const index = Number(event.key) - 1;
      const color = props.colors[index];
      if (Number.isInteger(index) && color) {
        event.preventDefault();
        props.onColor(color.color);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);

  return (
    <div
      ref={bar}
      className={`selection-toolbar panel-${panel}`}
      role="toolbar"
      aria-label={t('annotation.toolbar')}
      style={{ top: place?.top ?? box.bottom + GAP, left: place?.left ?? box.left, visibility: place ? 'visible' : 'hidden' } as CSSProperties}
      onMouseDown={(event) => {
        // Keeps the text selection while a button is pressed; fields still take the focus.
        if (!(event.target as HTMLElement).closest('input, textarea')) event.preventDefault();
      }}
    >
      {props.onAttach ? (
        <div className="toolbar-row">
          <button type="button" className="primary" onClick={props.onAttach}>
            {t('annotation.attach.here')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="toolbar-row">
          {props.colors.map((color, index) => (
            <button
              key={color.color}
              type="button"
              className={`color-button ${props.color === color.color ? 'chosen' : ''}`}
              style={{ '--swatch': color.color } as CSSProperties}
              title={`${color.name} (${index + 1})`}
              aria-label={t('annotation.highlightIn', { name: color.name, key: index + 1 })}
              aria-pressed={props.color === color.color}
              onClick={() => props.onColor(color.color)}
            />
          ))}
          <span className="toolbar-separator" aria-hidden="true" />
          <button type="button" className={panel === 'codes' ? 'active' : undefined} aria-expanded={panel === 'codes'} onClick={() => props.onPanel(panel === 'codes' ? 'main' : 'codes')}>
            {t('annotation.codes')}
            {props.selectedCodes.length > 0 && <span className="count">{props.selectedCodes.length}</span>}
          </button>
          <button type="button" className={panel === 'comment' ? 'active' : undefined} aria-expanded={panel === 'comment'} onClick={() => props.onPanel(panel === 'comment' ? 'main' : 'comment')}>
            {t('annotation.comment')}
            {props.comment !== '' && <span className="count" aria-hidden="true">•</span>}
          </button>
          <button type="button" className={panel === 'quote' ? 'active' : undefined} aria-expanded={panel === 'quote'} title={t('quote.hint')} onClick={() => props.onPanel(panel === 'quote' ? 'main' : 'quote')}>
            {t('quote.button')}
          </button>
          <button type="button" onClick={props.onCopy} title={t('annotation.copyHint')}>
            {t('annotation.copy')}
          </button>
        </div>
      )}
      {panel === 'codes' && (
        <>
          {props.selectedCodes.length > 0 && (
            <div className="chips toolbar-chips">
              {props.selectedCodes.map((id) => {
                const code = props.codes.find((c) => c.id === id);
                return (
                  <button key={id} type="button" className="chip chip-button" style={{ '--chip-color': code?.color ?? '#888888' } as CSSProperties} aria-label={t('annotation.codes.remove', { name: code?.name ?? id })} onClick={() => props.onToggleCode(id)}>
                    {code?.name ?? t('annotation.codes.unknown')} ×
                  </button>
                );
              })}
            </div>
          )}
          <CodeTypeahead codes={props.codes} selected={props.selectedCodes} onToggle={props.onToggleCode} onCreate={props.onCreateCode} onDone={() => props.onPanel('main')} />
        </>
      )}
      {panel === 'quote' && <QuoteTargets onChoose={props.onQuote} onCancel={() => props.onPanel('main')} />}
      {panel === 'comment' && <CommentField initial={props.comment} onSave={props.onComment} onDraft={props.onCommentDraft} onCancel={() => props.onPanel('main')} />}
    </div>
  );
}
