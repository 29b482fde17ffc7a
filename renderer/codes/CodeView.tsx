import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodedPassage } from '../../electron/api.ts';

/** Every passage coded with one code, across sources: the view qualitative analysis starts from. */
export function CodeView({ id, data, onOpen }: { id: string; data: VaultData; onOpen: (place: Place) => void }) {
  const { t } = useI18n();
  const [passages, setPassages] = useState<CodedPassage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const code = data.codes.find((c) => c.id === id);

  useEffect(() => {
    let live = true;
    api.passagesWithCode({ codeId: id }).then(
      (found) => live && setPassages(found),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [id, data.revision]);

  if (!code) return <div className="centre-message">{t('code.missing')}</div>;
  if (error) return <div className="centre-message" role="alert">{error}</div>;
  return (
    <article className="code-view">
      <header className="reader-header">
        <p className="kind-label">
          <Icon name="code" /> {t('code.kind')}
        </p>
        <h1>
          <span className="swatch large" style={{ background: code.color }} aria-hidden="true" /> {code.name}
        </h1>
        {code.description && <p className="byline">{code.description}</p>}
        <p className="muted">{t('code.passageCount', { count: passages?.length ?? code.annotationCount })}</p>
      </header>
      <ul className="passage-list">
        {(passages ?? []).map((p) => (
          <li key={p.annotation.id}>
            <button type="button" className="passage" onClick={() => onOpen({ kind: 'source', id: p.sourceId, annotationId: p.annotation.id })}>
              <blockquote style={{ borderColor: code.color }}>{p.annotation.quote.exact}</blockquote>
              {p.annotation.comment && <p className="passage-comment">{p.annotation.comment}</p>}
              <p className="passage-source">— {p.sourceTitle}</p>
            </button>
          </li>
        ))}
        {passages?.length === 0 && <li className="empty-list">{t('code.none')}</li>}
      </ul>
    </article>
  );
}
