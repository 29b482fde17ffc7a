import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { makeTranslate, useI18n, type Translate } from '../i18n/i18n.tsx';
import { PathIcon } from '../app/icons.tsx';
import { VIEW_ICONS } from './CodebookBar.tsx';
import { CooccurrencePassages } from './CooccurrencePassages.tsx';
import { codesById, codeTree, type TreeRow } from './code-tree.ts';
import { largest, shade, useGridKeys } from './use-grid-keys.ts';
import { useRowsOnDemand } from '../app/use-progressive.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodeCooccurrence } from '../../electron/api.ts';

type CooccurrencePlace = Extract<Place, { kind: 'cooccurrence' }>;

/** Many codes that meet: this many rows at once, then this many more as the end comes near. */
const FIRST_ROWS = 80;
const MORE_ROWS = 200;

/** Codes × codes: how often two codes meet on the same or overlapping passages; a cell lists those passages. */
export function CooccurrenceView({ place, data, onOpen }: { place: CooccurrencePlace; data: VaultData; onOpen: (place: Place, replace?: boolean) => void }) {
  const { t, language } = useI18n();
  const [found, setFound] = useState<CodeCooccurrence | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.codeCooccurrence({}).then(
      (result) => live && setFound(result),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [data.revision]);

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const pair of found?.pairs ?? []) {
      map.set(`${pair.a}|${pair.b}`, pair.count);
      map.set(`${pair.b}|${pair.a}`, pair.count);
    }
    return map;
  }, [found]);
  // Only codes that meet another code: a codebook of fifty would otherwise be mostly empty.
  const codes = useMemo(() => {
    const meeting = new Set((found?.pairs ?? []).filter((p) => p.count > 0).flatMap((p) => [p.a, p.b]));
    return codeTree(data.codes, language).filter(({ code }) => meeting.has(code.id));
  }, [found, data.codes, language]);
  const max = useMemo(() => largest(counts.values()), [counts]);
  const { shown, sentinel, reveal } = useRowsOnDemand(codes.length, FIRST_ROWS, MORE_ROWS);
  const grid = useGridKeys(codes.length, codes.length, reveal);
  const byId = codesById(data.codes);
  const a = place.a ? byId.get(place.a) : undefined;
  const b = place.b ? byId.get(place.b) : undefined;
  // The rows are memoised: a translation that changes only with the language, an opener that never changes.
  const translate = useMemo(() => makeTranslate(language), [language]);
  const latestOpen = useRef(onOpen);
  latestOpen.current = onOpen;
  const open = useMemo(() => (a: string, b: string) => latestOpen.current({ kind: 'cooccurrence', a, b }, true), []);

  return (
    <article className="table-view">
      <header className="reader-header">
        <p className="kind-label">
          <PathIcon d={VIEW_ICONS.cooccurrence} /> {t('cooccurrence.kind')}
        </p>
        <h1>{t('cooccurrence.title')}</h1>
        <p className="byline">{t('cooccurrence.explain')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {found && codes.length === 0 && <p className="centre-message">{t('cooccurrence.none')}</p>}
      {codes.length > 0 && (
        <div className="table-scroll">
          <table className="code-table cooccurrence" aria-rowcount={codes.length + 1} onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
            <caption className="visually-hidden">{t('cooccurrence.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="corner">
                  {t('matrix.codes')}
                </th>
                {codes.map(({ code }) => (
                  <th key={code.id} scope="col" className="source-head code-head" title={code.name}>
                    <span className="head-title">
                      <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
                      {code.name}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {codes.slice(0, shown).map((row, r) => (
                <CooccurrenceRow
                  key={row.code.id}
                  row={row}
                  r={r}
                  codes={codes}
                  counts={counts}
                  max={max}
                  activeCol={r === grid.row ? grid.col : -1}
                  openCol={place.a === row.code.id ? (place.b ?? null) : null}
                  t={translate}
                  onOpen={open}
                />
              ))}
            </tbody>
          </table>
          <div ref={sentinel} aria-hidden="true" />
        </div>
      )}
      {a && b && <CooccurrencePassages a={a} b={b} data={data} onOpen={onOpen} />}
    </article>
  );
}

/** One code's row; re-rendered only when the figures, the Tab stop or the open cell in it change. */
const CooccurrenceRow = memo(function CooccurrenceRow({
  row: { code: row, depth },
  r,
  codes,
  counts,
  max,
  activeCol,
  openCol,
  t,
  onOpen,
}: {
  row: TreeRow;
  r: number;
  codes: TreeRow[];
  counts: Map<string, number>;
  max: number;
  activeCol: number;
  /** The column whose cell is open in this row (its passages listed below), if any. */
  openCol: string | null;
  t: Translate;
  onOpen: (a: string, b: string) => void;
}) {
  return (
    <tr>
      <th scope="row" className="row-head">
        <span className="row-code" style={{ paddingLeft: `${0.4 + depth * 1.1}rem` }}>
          <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
          <span className="row-name">{row.name}</span>
        </span>
      </th>
      {codes.map(({ code: column }, c) => {
        const same = row.id === column.id;
        const count = same ? 0 : (counts.get(`${row.id}|${column.id}`) ?? 0);
        const open = openCol === column.id;
        return (
          <td key={column.id}>
            <button
              type="button"
              className={`cell ${count ? '' : 'zero'} ${same ? 'diagonal' : ''} ${open ? 'open' : ''}`}
              style={shade(count, max)}
              data-row={r}
              data-col={c}
              tabIndex={activeCol === c ? 0 : -1}
              aria-pressed={open}
              aria-label={same ? row.name : t('cooccurrence.cell', { count, a: row.name, b: column.name })}
              aria-disabled={count === 0 || undefined}
              onClick={() => count > 0 && onOpen(row.id, column.id)}
            >
              {same ? '—' : count || '·'}
            </button>
          </td>
        );
      })}
    </tr>
  );
});
