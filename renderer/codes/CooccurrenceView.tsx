import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PathIcon } from '../app/icons.tsx';
import { VIEW_ICONS } from './CodebookBar.tsx';
import { CooccurrencePassages } from './CooccurrencePassages.tsx';
import { codeTree } from './code-tree.ts';
import { shade, useGridKeys } from './use-grid-keys.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodeCooccurrence } from '../../electron/api.ts';

type CooccurrencePlace = Extract<Place, { kind: 'cooccurrence' }>;

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
  const max = Math.max(0, ...counts.values());
  const grid = useGridKeys(codes.length, codes.length);
  const byId = new Map(data.codes.map((c) => [c.id, c]));
  const a = place.a ? byId.get(place.a) : undefined;
  const b = place.b ? byId.get(place.b) : undefined;

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
          <table className="code-table cooccurrence" onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
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
              {codes.map(({ code: row, depth }, r) => (
                <tr key={row.id}>
                  <th scope="row" className="row-head">
                    <span className="row-code" style={{ paddingLeft: `${0.4 + depth * 1.1}rem` }}>
                      <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
                      <span className="row-name">{row.name}</span>
                    </span>
                  </th>
                  {codes.map(({ code: column }, c) => {
                    const same = row.id === column.id;
                    const count = same ? 0 : (counts.get(`${row.id}|${column.id}`) ?? 0);
                    const open = place.a === row.id && place.b === column.id;
                    return (
                      <td key={column.id}>
                        <button
                          type="button"
                          className={`cell ${count ? '' : 'zero'} ${same ? 'diagonal' : ''} ${open ? 'open' : ''}`}
                          style={shade(count, max)}
                          data-row={r}
                          data-col={c}
                          tabIndex={grid.tabIndex(r, c)}
                          aria-pressed={open}
                          aria-label={same ? row.name : t('cooccurrence.cell', { count, a: row.name, b: column.name })}
                          aria-disabled={count === 0 || undefined}
                          onClick={() => count > 0 && onOpen({ kind: 'cooccurrence', a: row.id, b: column.id }, true)}
                        >
                          {same ? '—' : count || '·'}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {a && b && <CooccurrencePassages a={a} b={b} data={data} onOpen={onOpen} />}
    </article>
  );
}
