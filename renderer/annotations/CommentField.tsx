import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The 1 MB the API accepts; said before sending, in the user's language. */
const MAX_COMMENT = 1_000_000;

interface CommentFieldProps {
  initial: string;
  onSave: (comment: string) => void;
  onCancel: () => void;
  /** Each change, for a caller that keeps the text when the field goes away without Save or Esc. */
  onDraft?: (text: string) => void;
}

/**
 * A comment in Markdown: Ctrl/⌘+B and I wrap the selection, Ctrl/⌘+Enter saves, Esc cancels.
 * A plain text area on purpose: a comment is a few lines, and the Markdown stays what the file holds.
 */
export function CommentField({ initial, onSave, onCancel, onDraft }: CommentFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  const tooLong = text.length > MAX_COMMENT;

  const wrap = (mark: string) => {
    const field = area.current;
    if (!field) return;
    const { selectionStart: from, selectionEnd: to } = field;
    const next = `${text.slice(0, from)}${mark}${text.slice(from, to)}${mark}${text.slice(to)}`;
    setText(next);
    onDraft?.(next);
    requestAnimationFrame(() => field.setSelectionRange(from + mark.length, to + mark.length));
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === 'Enter') {
      event.preventDefault();
      if (!tooLong) onSave(text);
    } else if (mod && event.key.toLowerCase() === 'b') {
      event.preventDefault();
      wrap('**');
    } else if (mod && event.key.toLowerCase() === 'i') {
      event.preventDefault();
      wrap('*');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="comment-field">
      <textarea ref={area} autoFocus rows={4} value={text} aria-label={t('annotation.comment.label')} placeholder={t('annotation.comment.placeholder')} onChange={(event) => {
          setText(event.target.value);
          onDraft?.(event.target.value);
        }} onKeyDown={onKey} />
      {tooLong && (
        <p className="field-error" role="alert">
          {t('annotation.comment.tooLong')}
        </p>
      )}
      <div className="comment-actions">
        <span className="muted hint">{t('annotation.comment.hint')}</span>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={tooLong} onClick={() => onSave(text)}>
          {t('annotation.comment.save')}
        </button>
      </div>
    </div>
  );
}
