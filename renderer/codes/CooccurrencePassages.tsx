import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PassageList } from './PassageList.tsx';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodeSummary, CodedPassage } from '../../electron/api.ts';

/** The passages behind one co-occurrence cell: coded `a`, on or overlapping a passage coded `b`. */
export function CooccurrencePassages({ a, b, data, onOpen }: { a: CodeSummary; b: CodeSummary; data: VaultData; onOpen: (place: Place) => void }) {
  const { t } = useI18n();
  const [passages, setPassages] = useState<CodedPassage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setPassages(null);
    api.cooccurringPassages({ a: a.id, b: b.id }).then(
      (found) => {
        if (!live) return;
        setPassages(found);
        heading.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [a.id, b.id, data.revision]);

  return (
    <section className="cooccurrence-passages" aria-labelledby="cooccurrence-heading">
      <h2 id="cooccurrence-heading" ref={heading}>
        {t('cooccurrence.passages', { a: a.name, b: b.name })}
        {passages && <span className="count">{passages.length}</span>}
      </h2>
      <p className="hint">{t('cooccurrence.passagesHint', { a: a.name, b: b.name })}</p>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {passages && <PassageList passages={passages} codes={data.codes} empty={t('cooccurrence.noPassages')} onOpen={onOpen} />}
    </section>
  );
}
