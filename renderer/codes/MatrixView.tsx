import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { PathIcon } from '../app/icons.tsx';
import { VIEW_ICONS } from './CodebookBar.tsx';
import { codeTree } from './code-tree.ts';
import { shade, useGridKeys } from './use-grid-keys.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodeMatrix } from '../../electron/api.ts';

/** Codes × sources: how many passages of each code (sub-codes included) each source holds; a cell opens them. */
export function MatrixView({ data, onOpen }: { data: VaultData; onOpen: (place: Place) => void }) {
  const { t, language } = useI18n();
  const [matrix, setMatrix] = useState<CodeMatrix | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.codeMatrix({}).then(
      (found) => live && setMatrix(found),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [data.revision]);

  const rows = useMemo(() => {
    const byCode = new Map((matrix?.rows ?? []).map((row) => [row.codeId, row]));
    return codeTree(data.codes, language).map(({ code, depth }) => ({ code, depth, counts: byCode.get(code.id)?.counts ?? {}, total: byCode.get(code.id)?.total ?? 0 }));
  }, [matrix, data.codes, language]);
  const sources = matrix?.sources ?? [];
  const max = Math.max(0, ...rows.flatMap((row) => sources.map((s) => row.counts[s.id] ?? 0)));
  const grid = useGridKeys(rows.length, sources.length + 1);
  const passages = (codeId: string, sourceId?: string): Place => ({ kind: 'passages', all: [codeId], any: [], none: [], ...(sourceId ? { sourceId } : {}) });

  return (
    <article className="table-view">
      <header className="reader-header">
        <p className="kind-label">
          <PathIcon d={VIEW_ICONS.matrix} /> {t('matrix.kind')}
        </p>
        <h1>{t('matrix.title')}</h1>
        <p className="byline">{t('matrix.explain')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {matrix && rows.length === 0 && <p className="centre-message">{t('matrix.noCodes')}</p>}
      {matrix && rows.length > 0 && sources.length === 0 && <p className="centre-message">{t('matrix.noSources')}</p>}
      {matrix && rows.length > 0 && sources.length > 0 && (
        <div className="table-scroll">
          <table className="code-table matrix" onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
            <caption className="visually-hidden">{t('matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="corner">
                  {t('matrix.codes')}
                </th>
                {sources.map((source) => (
                  <th key={source.id} scope="col" className="source-head" title={source.title}>
                    <span className="head-title">{source.title}</span>
                    {source.published && <span className="head-date">{formatDate(source.published, language)}</span>}
                  </th>
                ))}
                <th scope="col" className="total-head">
                  {t('matrix.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={row.code.id}>
                  <th scope="row" className="row-head">
                    <button type="button" className="row-code" style={{ paddingLeft: `${0.4 + row.depth * 1.1}rem` }} data-row={r} data-col={0} tabIndex={grid.tabIndex(r, 0)} onClick={() => onOpen(passages(row.code.id))} title={t('matrix.openCode', { name: row.code.name })}>
                      <span className="swatch" style={{ background: row.code.color }} aria-hidden="true" />
                      <span className="row-name">{row.code.name}</span>
                    </button>
                  </th>
                  {sources.map((source, s) => {
                    const count = row.counts[source.id] ?? 0;
                    return (
                      <td key={source.id}>
                        <button
                          type="button"
                          className={`cell ${count ? '' : 'zero'}`}
                          style={shade(count, max)}
                          data-row={r}
                          data-col={s + 1}
                          tabIndex={grid.tabIndex(r, s + 1)}
                          aria-label={t('matrix.cell', { count, code: row.code.name, source: source.title })}
                          aria-disabled={count === 0 || undefined}
                          onClick={() => count > 0 && onOpen(passages(row.code.id, source.id))}
                        >
                          {count || '·'}
                        </button>
                      </td>
                    );
                  })}
                  <td className="total">{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
