import { useState, type ChangeEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { SourceDetail, SourceType } from '../../electron/api.ts';
import { OFFERED_TYPES } from './source-types.ts';

type Fields = Record<'title' | 'type' | 'authors' | 'container' | 'publisher' | 'place' | 'published' | 'accessed' | 'pages' | 'doi' | 'identifier' | 'archive' | 'language' | 'url', string>;

/** Corrects and completes what import read (title, authors, date, where it appeared…). The text itself never changes. */
export function SourceMetadataForm({ source, onDone }: { source: SourceDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<Fields>({
    title: source.title,
    type: source.type ?? '',
    authors: source.authors.join('\n'),
    container: source.container ?? '',
    publisher: source.publisher ?? '',
    place: source.place ?? '',
    published: source.published ?? '',
    accessed: source.accessed ?? '',
    pages: source.pages ?? '',
    doi: source.doi ?? '',
    identifier: source.identifier ?? '',
    archive: source.archive ?? '',
    language: source.language ?? '',
    url: source.url ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Fields) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setFields({ ...fields, [key]: event.target.value });
  const types: string[] = source.type && !OFFERED_TYPES.includes(source.type) ? [...OFFERED_TYPES, source.type] : [...OFFERED_TYPES];

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.updateSourceMetadata({
        id: source.id,
        baseRevision: source.revision,
        ...fields,
        type: fields.type as SourceType | '',
        authors: fields.authors.split('\n').map((a) => a.trim()).filter(Boolean),
        language: fields.language.trim().toLowerCase(),
        // A DOI pasted as its address is the same DOI.
        doi: fields.doi.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, ''),
      });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const input = (key: keyof Fields, label: string, extra: { type?: string; placeholder?: string; hint?: string; maxLength?: number } = {}) => (
    <label className="field">
      <span>{label}</span>
      <input type={extra.type ?? 'text'} value={fields[key]} onChange={set(key)} placeholder={extra.placeholder} maxLength={extra.maxLength} title={extra.hint} />
    </label>
  );

  return (
    <form
      className="metadata-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{t('field.type')}</span>
        <select value={fields.type} onChange={set('type')}>
          <option value="">{t('type.guessed')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type as SourceType}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('field.title')}</span>
        <textarea value={fields.title} onChange={set('title')} rows={3} required />
      </label>
      <label className="field">
        <span>{t('field.authors')}</span>
        <textarea value={fields.authors} onChange={set('authors')} rows={Math.min(6, Math.max(2, fields.authors.split('\n').length + 1))} aria-describedby="authors-hint" />
        <small id="authors-hint" className="hint">
          {t('field.authors.hint')}
        </small>
      </label>
      {input('container', t('field.container'), { placeholder: t('field.container.hint') })}
      {input('publisher', t('field.publisher'))}
      {input('place', t('field.place'))}
      {input('published', t('field.published'), { type: 'date' })}
      {input('accessed', t('field.accessed'), { type: 'date' })}
      {input('url', t('field.url'), { type: 'url', placeholder: 'https://' })}
      {input('pages', t('field.pages'), { placeholder: '12–19' })}
      {input('doi', t('field.doi'), { placeholder: '10.1000/xyz123' })}
      {input('identifier', t('field.identifier'), { placeholder: t('field.identifier.hint') })}
      {input('archive', t('field.archive'))}
      {input('language', t('field.language'), { placeholder: 'fr, en, vi…', maxLength: 3 })}
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
