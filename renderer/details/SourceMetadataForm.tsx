import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { SourceDetail, SourceType } from '../../electron/api.ts';
import { OFFERED_TYPES } from './source-types.ts';

type Fields = Record<'title' | 'type' | 'authors' | 'container' | 'publisher' | 'place' | 'published' | 'accessed' | 'pages' | 'doi' | 'identifier' | 'archive' | 'language' | 'url', string>;

/** Corrects and completes what import read (title, authors, date, where it appeared…). The text itself never changes. */
export function SourceMetadataForm({ source, vaultId, onDone, onLeaveFailed }: { source: SourceDetail; vaultId: string; onDone: () => void; onLeaveFailed: (message: string) => void }) {
  const { t } = useI18n();
  // The version the form was opened on: a change on disk meanwhile makes the save a conflict the
  // user sees, rather than the form's older values quietly written over it.
  const baseRevision = useRef(source.revision);
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
  const [dirty, setDirty] = useState(false);
  const set = (key: keyof Fields) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    setFields({ ...fields, [key]: event.target.value });
    setDirty(true);
  };
  const problems = fieldProblems(fields, t);
  const types: string[] = source.type && !OFFERED_TYPES.includes(source.type) ? [...OFFERED_TYPES, source.type] : [...OFFERED_TYPES];

  const request = () => ({
    id: source.id,
    baseRevision: baseRevision.current,
    ...fields,
    type: fields.type as SourceType | '',
    authors: fields.authors.split('\n').map((a) => a.trim()).filter(Boolean),
    language: fields.language.trim().toLowerCase(),
    published: fields.published.trim(),
    doi: cleanDoi(fields.doi),
  });
  /** Set once the form's values are saved, being saved, or given up (Cancel, Esc): nothing is saved on leaving then. */
  const settled = useRef(false);
  const save = async () => {
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    settled.current = true;
    try {
      await api.updateSourceMetadata(request());
      onDone();
    } catch (failure) {
      settled.current = false;
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  const cancel = () => {
    settled.current = true;
    onDone();
  };
  // Leaving the form for another source saves what was typed, as Zotero's fields do, when the
  // vault would take it and is still the one the form was opened in; a refusal is said.
  const leave = useRef<(() => void) | null>(null);
  leave.current =
    dirty && Object.keys(problems).length === 0
      ? () => {
          const change = request();
          void api
            .vaultInfo({})
            .then((info) => (info.id === vaultId && !info.readOnly ? api.updateSourceMetadata(change) : null))
            .catch((failure: unknown) => onLeaveFailed(t('details.leaveFailed', { title: change.title, reason: errorMessage(failure) })));
        }
      : null;
  useEffect(
    () => () => {
      if (!settled.current) leave.current?.();
    },
    [],
  );

  const input = (key: keyof Fields, label: string, extra: { type?: string; placeholder?: string; hint?: string; maxLength?: number } = {}) => (
    <label className="field">
      <span>{label}</span>
      <input
        type={extra.type ?? 'text'}
        value={fields[key]}
        onChange={set(key)}
        placeholder={extra.placeholder}
        maxLength={extra.maxLength}
        title={extra.hint}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={problems[key] ? `problem-${key}` : undefined}
      />
      {problems[key] && (
        <small id={`problem-${key}`} className="field-problem">
          {problems[key]}
        </small>
      )}
    </label>
  );

  return (
    <form
      className="metadata-form"
      onKeyDown={(event) => {
        // Esc while an input method composes (Vietnamese, Thai) ends the composition, not the form.
        if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
        event.preventDefault();
        cancel();
      }}
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
      {input('published', t('field.published'), { placeholder: t('field.published.hint') })}
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
        <button type="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy || Object.keys(problems).length > 0}>
          {t('details.saveMetadata')}
        </button>
      </div>
    </form>
  );
}

/** A DOI pasted as its address, or with "doi:", is the same DOI. */
function cleanDoi(doi: string): string {
  return doi.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** What the vault would refuse, said beside the field, in the user's language, before anything is sent. */
function fieldProblems(fields: Fields, t: Translate): Partial<Record<keyof Fields, string>> {
  const problems: Partial<Record<keyof Fields, string>> = {};
  const doi = cleanDoi(fields.doi);
  if (doi && !/^10\.\d{4,9}\/\S+$/.test(doi)) problems.doi = t('field.doi.problem');
  if (fields.url.trim() && !/^https?:\/\//i.test(fields.url.trim())) problems.url = t('field.url.problem');
  if (fields.published.trim() && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(fields.published.trim())) problems.published = t('field.published.problem');
  if (fields.language.trim() && !/^[a-z]{2,3}$/i.test(fields.language.trim())) problems.language = t('field.language.problem');
  if (fields.pages.length > 50) problems.pages = t('field.tooLong', { max: 50 });
  return problems;
}
