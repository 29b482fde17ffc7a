import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { TrashEntry } from '../../electron/api.ts';

/** Deleted sources and notes, each restorable to where it was. */
export function TrashView({ revision, readOnly, onNotice }: { revision: number; readOnly: boolean; onNotice: (text: string) => void }) {
  const { t, language } = useI18n();
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listTrash({}).then(setEntries, (failure: unknown) => setError(errorMessage(failure)));
  }, [revision]);

  const restore = async (entry: TrashEntry) => {
    try {
      await api.restoreFromTrash({ id: entry.id });
      onNotice(t('trash.restored', { title: entry.title }));
      setEntries(await api.listTrash({}));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <article className="list-view">
      <header className="reader-header">
        <p className="kind-label">
          <Icon name="trash" /> {t('trash.title')}
        </p>
        <h1>{t('trash.title')}</h1>
        <p className="byline">{t('trash.explain')}</p>
      </header>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <ul className="plain-list">
        {(entries ?? []).map((entry) => (
          <li key={entry.id} className="plain-row">
            <Icon name={entry.kind === 'note' ? 'note' : 'source'} />
            <span className="plain-main">
              <strong>{entry.title}</strong>
              <span className="muted">{t('trash.deleted', { date: formatDate(entry.deleted, language, true), files: entry.files.length })}</span>
            </span>
            {!readOnly && (
              <button type="button" onClick={() => void restore(entry)}>
                {t('trash.restore')}
              </button>
            )}
          </li>
        ))}
        {entries?.length === 0 && <li className="empty-list">{t('trash.empty')}</li>}
      </ul>
    </article>
  );
}
