import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ShownColor } from './highlight-colors.ts';

/**
 * Names for the five highlight colours ("key fact", "contradiction"…), kept in the vault's
 * carnet.json so that every window and every machine reads a colour the same way.
 */
export function ColorNamesDialog({ colors, onClose }: { colors: ShownColor[]; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [names, setNames] = useState(() => colors.map((c) => c.stored));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.updateVaultSettings({ highlightColors: colors.map((c, i) => ({ color: c.color, name: (names[i] ?? '').trim() })) });
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog color-names-dialog" onClose={onClose} aria-labelledby="color-names-title">
      <form onSubmit={(event) => void save(event)}>
        <div className="dialog-header">
          <h2 id="color-names-title">{t('annotation.colors.title')}</h2>
        </div>
        <div className="dialog-body">
          <p className="muted">{t('annotation.colors.explain')}</p>
          <ol className="color-names">
            {colors.map((color, index) => (
              <li key={color.color}>
                <span className="color-button" style={{ '--swatch': color.color } as CSSProperties} aria-hidden="true" />
                <kbd>{index + 1}</kbd>
                <input
                  type="text"
                  value={names[index] ?? ''}
                  maxLength={60}
                  placeholder={color.stored === '' ? color.name : ''}
                  autoFocus={index === 0}
                  aria-label={t('annotation.colors.name', { key: index + 1 })}
                  onChange={(event) => setNames(names.map((n, i) => (i === index ? event.target.value : n)))}
                />
              </li>
            ))}
          </ol>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions dialog-footer">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('annotation.colors.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
