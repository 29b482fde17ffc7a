import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { Problem } from '../../electron/api.ts';

/** Files Carnet could not read: named, explained, and left exactly as they are. */
export function ProblemsView({ revision }: { revision: number }) {
  const { t, language } = useI18n();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listProblems({}).then(setProblems, (failure: unknown) => setError(errorMessage(failure)));
  }, [revision]);
  return (
    <article className="list-view">
      <header className="reader-header">
        <p className="kind-label">
          <Icon name="warning" /> {t('problems.title')}
        </p>
        <h1>{t('problems.title')}</h1>
        <p className="byline">{t('problems.explain')}</p>
      </header>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <ul className="plain-list">
        {(problems ?? []).map((problem) => (
          <li key={problem.path} className="plain-row problem-row">
            <Icon name="warning" />
            <span className="plain-main">
              <code>{problem.path}</code>
              <span>{problem.message[language]}</span>
            </span>
          </li>
        ))}
        {problems?.length === 0 && <li className="empty-list">{t('problems.none')}</li>}
      </ul>
    </article>
  );
}
