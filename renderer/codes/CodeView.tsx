import { useEffect, useState, type CSSProperties } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { CodeActions } from './CodeActions.tsx';
import { PassageList } from './PassageList.tsx';
import { useCodeEditing } from './use-code-editing.tsx';
import { codePath } from './code-tree.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodedPassage } from '../../electron/api.ts';

/** One code: its place in the codebook, its edits, and every passage coded with it or its sub-codes. */
export function CodeView({ id, data, onOpen }: { id: string; data: VaultData; onOpen: (place: Place) => void }) {
  const { t } = useI18n();
  const [passages, setPassages] = useState<CodedPassage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editing = useCodeEditing(data.codes, { onCreated: (created) => onOpen({ kind: 'code', id: created.id }) });
  const code = data.codes.find((c) => c.id === id);
  const readOnly = data.info?.readOnly ?? true;

  useEffect(() => {
    let live = true;
    // Sub-codes count as their parent.
    api
      .queryPassages({ all: [id], any: [], none: [] })
      .then(
        (found) => live && setPassages(found),
        (failure: unknown) => live && setError(errorMessage(failure)),
      );
    return () => {
      live = false;
    };
  }, [id, data.revision]);

  if (!code) {
    return (
      <div className="centre-message">
        <p>{t('code.missing')}</p>
        {editing.element}
        <button type="button" className="link-button" onClick={() => onOpen({ kind: 'trash' })}>
          <Icon name="trash" /> {t('codes.view.openTrash')}
        </button>
      </div>
    );
  }
  const parent = code.parent ? data.codes.find((c) => c.id === code.parent) : undefined;
  const children = data.codes.filter((c) => c.parent === code.id);
  return (
    <article className="code-view">
      <header className="reader-header">
        <p className="kind-label">
          <Icon name="code" /> {t('code.kind')}
          {parent && (
            <>
              <span aria-hidden="true">·</span>
              <button type="button" className="link-button code-parent" onClick={() => onOpen({ kind: 'code', id: parent.id })}>
                {t('codes.view.under', { path: codePath(data.codes, parent.id) })}
              </button>
            </>
          )}
        </p>
        <h1>
          <span className="swatch large" style={{ background: code.color }} aria-hidden="true" /> {code.name}
        </h1>
        {code.description ? <p className="byline code-description">{code.description}</p> : !readOnly && <p className="byline muted">{t('codes.view.noDescription')}</p>}
        {children.length > 0 && (
          <p className="code-children">
            <span className="muted">{t('codes.view.children')}</span>
            {children.map((child) => (
              <button key={child.id} type="button" className="chip chip-button" style={{ '--chip-color': child.color } as CSSProperties} onClick={() => onOpen({ kind: 'code', id: child.id })}>
                {child.name} <span className="muted">{child.annotationCount}</span>
              </button>
            ))}
          </p>
        )}
        <CodeActions code={code} readOnly={readOnly} editing={editing} onOpen={onOpen} />
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      <p className="muted">{t('code.passageCount', { count: passages?.length ?? code.annotationCount })}</p>
      {passages && <PassageList passages={passages} codes={data.codes} hide={[code.id]} empty={t('code.none')} onOpen={onOpen} />}
      {editing.element}
    </article>
  );
}
