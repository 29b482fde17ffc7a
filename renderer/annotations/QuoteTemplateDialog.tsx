import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';

const PLACEHOLDERS = ['passage', 'citation', 'comment', 'codes', 'title', 'date', 'page', 'url'] as const;

/**
 * What "Quote in note" inserts, as Zotero's note templates: placeholders in Markdown, kept in the
 * vault's carnet.json so that every window and machine quotes the same way. The preview shows the
 * template on an example passage as the user types.
 */
export function QuoteTemplateDialog({ onClose }: { onClose: () => void }) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [template, setTemplate] = useState<string | null>(null);
  const [fallback, setFallback] = useState('');
  const [preview, setPreview] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    api.getVaultSettings({}).then(
      (settings) => {
        setTemplate(settings.quoteTemplate);
        setFallback(settings.defaultQuoteTemplate);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);

  useEffect(() => {
    if (template === null) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.previewQuoteTemplate({ template, language }).then(
        ({ markdown }) => live && setPreview(markdown),
        () => undefined,
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [template, language]);

  const insert = (name: string) => {
    const area = field.current;
    if (!area || template === null) return;
    const { selectionStart: from, selectionEnd: to } = area;
    const text = `{{${name}}}`;
    setTemplate(template.slice(0, from) + text + template.slice(to));
    window.requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(from + text.length, from + text.length);
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (template === null) return;
    setBusy(true);
    try {
      await api.updateVaultSettings({ quoteTemplate: template });
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog quote-template-dialog"
      onClose={onClose}
      aria-labelledby="quote-template-title"
      // Esc closes the dialog only: the menu and the selection toolbar under it stay open.
      onKeyDown={(event) => event.key === 'Escape' && event.stopPropagation()}
    >
      <form onSubmit={(event) => void save(event)}>
        <div className="dialog-header">
          <h2 id="quote-template-title">{t('quote.template.title')}</h2>
        </div>
        <div className="dialog-body">
          <p className="muted">{t('quote.template.explain')}</p>
          <div className="placeholder-list" role="group" aria-label={t('quote.template.placeholders')}>
            {PLACEHOLDERS.map((name) => (
              <button key={name} type="button" className="chip chip-button" title={t(`quote.template.field.${name}`)} onClick={() => insert(name)}>
                {`{{${name}}}`}
              </button>
            ))}
          </div>
          <label className="template-field">
            <span>{t('quote.template.label')}</span>
            <textarea ref={field} value={template ?? ''} rows={6} maxLength={4000} spellCheck={false} disabled={template === null} onChange={(event) => setTemplate(event.target.value)} autoFocus />
          </label>
          <p className="muted small">{t('quote.template.preview')}</p>
          <pre className="template-preview" aria-live="polite">
            {preview}
          </pre>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions dialog-footer">
          <button type="button" className="link-button" disabled={template === fallback} onClick={() => setTemplate(fallback)}>
            {t('quote.template.reset')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || template === null}>
            {t('quote.template.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
