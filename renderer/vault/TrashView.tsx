import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon, PathIcon } from '../app/icons.tsx';
import type { TrashEntry } from '../../electron/api.ts';

/** A highlighted passage: a quotation mark over a line. */
const PASSAGE_ICON = 'M7 7h4v4c0 2-1 4-3 5M14 7h4v4c0 2-1 4-3 5M5 20h14';

function KindIcon({ kind }: { kind: TrashEntry['kind'] }) {
  if (kind === 'annotation') return <PathIcon d={PASSAGE_ICON} />;
  return <Icon name={kind} />;
}

/** Deleted sources, notes, passages and codes, each restorable to where it was. */
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
        <p className="byline">{t('codes.trash.explain')}</p>
      </header>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <ul className="plain-list">
        {(entries ?? []).map((entry) => (
          <li key={entry.id} className="plain-row">
            <KindIcon kind={entry.kind} />
            <span className="plain-main">
              <strong className="trash-title">
                <span className="badge">{t(`codes.trash.kind.${entry.kind}`)}</span> {entry.title}
              </strong>
              <span className="muted">
                {entry.files.length > 0
                  ? t('trash.deleted', { date: formatDate(entry.deleted, language, true), files: entry.files.length })
                  : t(`codes.trash.deleted.${entry.kind === 'code' ? 'code' : 'annotation'}`, { date: formatDate(entry.deleted, language, true) })}
              </span>
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
