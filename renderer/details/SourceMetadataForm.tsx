import { useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { SourceDetail } from '../../electron/api.ts';

/** Corrects what import read wrong (title, date, publisher…). The text itself never changes. */
export function SourceMetadataForm({ source, onDone }: { source: SourceDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState({
    title: source.title,
    publisher: source.publisher ?? '',
    authors: source.authors.join(', '),
    published: source.published ?? '',
    language: source.language ?? '',
    url: source.url ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => setFields({ ...fields, [key]: event.target.value });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.updateSourceMetadata({
        id: source.id,
        baseRevision: source.revision,
        title: fields.title,
        publisher: fields.publisher,
        authors: fields.authors.split(',').map((a) => a.trim()).filter(Boolean),
        published: fields.published,
        language: fields.language.trim().toLowerCase(),
        url: fields.url,
      });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="metadata-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{t('field.title')}</span>
        <textarea value={fields.title} onChange={set('title')} rows={3} required />
      </label>
      <label className="field">
        <span>{t('field.publisher')}</span>
        <input value={fields.publisher} onChange={set('publisher')} />
      </label>
      <label className="field">
        <span>{t('field.authors')}</span>
        <input value={fields.authors} onChange={set('authors')} placeholder={t('note.tagsPlaceholder')} />
      </label>
      <label className="field">
        <span>{t('field.published')}</span>
        <input type="date" value={fields.published} onChange={set('published')} />
      </label>
      <label className="field">
        <span>{t('field.language')}</span>
        <input value={fields.language} onChange={set('language')} placeholder="fr, en, vi…" maxLength={3} />
      </label>
      <label className="field">
        <span>{t('field.url')}</span>
        <input type="url" value={fields.url} onChange={set('url')} placeholder="https://" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('details.saveMetadata')}
        </button>
      </div>
    </form>
  );
}
