import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { formatDate, makeTranslate, useI18n, type Translate } from '../i18n/i18n.tsx';
import { PathIcon } from '../app/icons.tsx';
import { VIEW_ICONS } from './CodebookBar.tsx';
import { codeTree } from './code-tree.ts';
import { largest, shade, useGridKeys } from './use-grid-keys.ts';
import { useRowsOnDemand } from '../app/use-progressive.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodeMatrix, CodeSummary } from '../../electron/api.ts';

/** A codebook of thousands of codes: this many rows at once, then this many more as the end comes near. */
const FIRST_ROWS = 80;
const MORE_ROWS = 200;

interface MatrixRowData {
  code: CodeSummary;
  depth: number;
  counts: Record<string, number>;
  total: number;
}

type Source = CodeMatrix['sources'][number];

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

  const rows = useMemo<MatrixRowData[]>(() => {
    const byCode = new Map((matrix?.rows ?? []).map((row) => [row.codeId, row]));
    return codeTree(data.codes, language).map(({ code, depth }) => ({ code, depth, counts: byCode.get(code.id)?.counts ?? {}, total: byCode.get(code.id)?.total ?? 0 }));
  }, [matrix, data.codes, language]);
  const sources = useMemo(() => matrix?.sources ?? [], [matrix]);
  const max = useMemo(() => largest(rows.flatMap((row) => sources.map((s) => row.counts[s.id] ?? 0))), [rows, sources]);
  const { shown, sentinel, reveal } = useRowsOnDemand(rows.length, FIRST_ROWS, MORE_ROWS);
  const grid = useGridKeys(rows.length, sources.length + 1, reveal);
  // The rows are memoised: a translation that changes only with the language, an opener that never changes.
  const translate = useMemo(() => makeTranslate(language), [language]);
  const latestOpen = useRef(onOpen);
  latestOpen.current = onOpen;
  const open = useMemo(() => (place: Place) => latestOpen.current(place), []);

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
          <table className="code-table matrix" aria-rowcount={rows.length + 1} onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
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
              {rows.slice(0, shown).map((row, r) => (
                <MatrixRow key={row.code.id} row={row} r={r} sources={sources} max={max} activeCol={r === grid.row ? grid.col : -1} t={translate} onOpen={open} />
              ))}
            </tbody>
          </table>
          <div ref={sentinel} aria-hidden="true" />
        </div>
      )}
    </article>
  );
}

const passages = (codeId: string, sourceId?: string): Place => ({ kind: 'passages', all: [codeId], any: [], none: [], ...(sourceId ? { sourceId } : {}) });

/** One code's row; re-rendered only when its data, the shading's scale, or the Tab stop in it changes. */
const MatrixRow = memo(function MatrixRow({ row, r, sources, max, activeCol, t, onOpen }: { row: MatrixRowData; r: number; sources: Source[]; max: number; activeCol: number; t: Translate; onOpen: (place: Place) => void }) {
  return (
    <tr>
      <th scope="row" className="row-head">
        <button type="button" className="row-code" style={{ paddingLeft: `${0.4 + row.depth * 1.1}rem` }} data-row={r} data-col={0} tabIndex={activeCol === 0 ? 0 : -1} onClick={() => onOpen(passages(row.code.id))} title={t('matrix.openCode', { name: row.code.name })}>
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
              tabIndex={activeCol === s + 1 ? 0 : -1}
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
  );
});
