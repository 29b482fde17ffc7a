import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { PathIcon } from '../app/icons.tsx';
import { CodePicker } from './CodePicker.tsx';
import { PassageList } from './PassageList.tsx';
import { VIEW_ICONS } from './CodebookBar.tsx';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodedPassage } from '../../electron/api.ts';

type PassagesPlace = Extract<Place, { kind: 'passages' }>;
type Group = 'all' | 'any' | 'none';

/** Coded passages across sources: codes picked into ALL, ANY and NOT groups, every matching passage listed. */
export function PassagesView({ place, data, onOpen }: { place: PassagesPlace; data: VaultData; onOpen: (place: Place, replace?: boolean) => void }) {
  const { t, language } = useI18n();
  const [passages, setPassages] = useState<CodedPassage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { all, any, none, sourceId } = place;
  const key = JSON.stringify([all, any, none, sourceId]);

  useEffect(() => {
    let live = true;
    setError(null);
    api.queryPassages({ all, any, none, ...(sourceId ? { sourceId } : {}) }).then(
      (found) => live && setPassages(found),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
    // The key stands for the four query fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, data.revision]);

  const taken = new Set([...all, ...any, ...none]);
  const change = (group: Group, ids: string[]) => onOpen({ ...place, [group]: ids }, true);
  const source = sourceId ? data.sources.find((s) => s.id === sourceId) : undefined;
  const picked = taken.size > 0;

  return (
    <article className="code-view passages-view">
      <header className="reader-header">
        <p className="kind-label">
          <PathIcon d={VIEW_ICONS.passages} /> {t('passages.kind')}
        </p>
        <h1>{t('passages.title')}</h1>
        <p className="byline">{t('passages.explain')}</p>
      </header>
      <section className="passage-query" aria-label={t('passages.query')}>
        {(['all', 'any', 'none'] as Group[]).map((group) => (
          <CodePicker
            key={group}
            label={t(`passages.group.${group}`)}
            hint={t(`passages.group.${group}.hint`)}
            value={place[group]}
            codes={data.codes}
            taken={taken}
            onChange={(ids) => change(group, ids)}
          />
        ))}
        {sourceId && (
          <p className="passage-scope">
            {t('passages.inSource')}{' '}
            <strong>{source?.title ?? sourceId}</strong>
            {source?.published && <span className="muted"> · {formatDate(source.published, language)}</span>}
            <button type="button" className="link-button" onClick={() => onOpen({ kind: 'passages', all, any, none }, true)}>
              {t('passages.allSources')}
            </button>
          </p>
        )}
      </section>
      <div className="passage-summary">
        <p className="muted" aria-live="polite">
          {passages === null ? t('passages.loading') : t(picked ? 'passages.count' : 'passages.countAll', { count: passages.length })}
        </p>
        {(picked || sourceId) && (
          <button type="button" className="link-button" onClick={() => onOpen({ kind: 'passages', all: [], any: [], none: [] }, true)}>
            {t('passages.clear')}
          </button>
        )}
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {passages && <PassageList passages={passages} codes={data.codes} hide={all} empty={t('passages.none')} onOpen={onOpen} />}
    </article>
  );
}
