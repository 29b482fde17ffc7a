import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDate, useI18n, type Translate } from '../i18n/i18n.tsx';
import { listKeys, SearchHitItem } from './SearchHitItem.tsx';
import { placeOfHit } from './open-hit.ts';
import { useSearch, useSearchStatus } from './use-search.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { SearchHit, SearchQuery } from '../../electron/api.ts';
import type { SearchToExport } from '../export/export-choices.ts';

type KindFilter = 'all' | SearchHit['kind'];

/** Results asked for at a time: each is highlighted on the way, and a common word matches most of the vault. */
const PAGE = 40;

/** The full search: every source, note and annotation, with counts per kind, filters, and keyboard navigation. */
export function SearchPane({ data, focusRequest, onOpen, onExport }: { data: VaultData; focusRequest: number; onOpen: (place: Place) => void; onExport: (search: SearchToExport) => void }) {
  const { t, language } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [filters, setFilters] = useState({ publisher: '', language: '', code: '', from: '', to: '' });
  const [selected, setSelected] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const status = useSearchStatus();

  const query = useMemo<SearchQuery>(
    () => ({
      text,
      asYouType: true,
      limit,
      kinds: kind === 'all' ? undefined : [kind],
      publishers: filters.publisher ? [filters.publisher] : undefined,
      languages: filters.language ? [filters.language] : undefined,
      codes: filters.code ? [filters.code] : undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
    }),
    [text, kind, filters, limit],
  );
  const { results, error } = useSearch(query, data.revision);
  const more = results.total - results.hits.length;

  useEffect(() => {
    if (focusRequest > 0) input.current?.select();
  }, [focusRequest]);
  // A new search starts at its first page and first result; showing more keeps the selection.
  useEffect(() => {
    setSelected(0);
    setLimit(PAGE);
  }, [text, kind, filters]);
  // Results that shrink (the vault changed under the search) keep the selection on a result.
  useEffect(() => setSelected((index) => Math.min(index, Math.max(0, results.hits.length - 1))), [results]);

  const publishers = useMemo(() => [...new Set(data.sources.map((s) => s.publisher).filter((p): p is string => Boolean(p)))].sort(), [data.sources]);
  const languages = useMemo(() => [...new Set(data.sources.map((s) => s.language).filter((l): l is string => Boolean(l)))].sort(), [data.sources]);
  const activeFilters = Object.values(filters).filter(Boolean).length;
  const total = results.counts.source + results.counts.note + results.counts.annotation;

  const open = (hit: SearchHit | undefined) => hit && onOpen(placeOfHit(hit));

  return (
    <div className="search-pane">
      <div className="list-controls search-controls">
        <input
          ref={input}
          type="search"
          className="filter"
          value={text}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Going down past the last result shown brings the next page.
            if (e.key === 'ArrowDown' && selected === results.hits.length - 1 && more > 0) setLimit(limit + PAGE);
            listKeys(e, results.hits.length, setSelected, () => open(results.hits[selected]));
          }}
        />
      </div>
      <div className="kind-chips" role="group" aria-label={t('search.kinds')}>
        {(['all', 'source', 'note', 'annotation'] as KindFilter[]).map((k) => (
          <button key={k} type="button" className={`chip-button ${kind === k ? 'active' : ''}`} aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`search.kind.${k}`)} <span className="count">{k === 'all' ? total : results.counts[k]}</span>
          </button>
        ))}
      </div>
      <details className="search-filters">
        <summary>
          {t('search.filters')} {activeFilters > 0 && <span className="count">{activeFilters}</span>}
        </summary>
        <label className="field">
          <span>{t('field.publisher')}</span>
          <select value={filters.publisher} onChange={(e) => setFilters({ ...filters, publisher: e.target.value })}>
            <option value="">{t('search.any')}</option>
            {publishers.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('field.language')}</span>
          <select value={filters.language} onChange={(e) => setFilters({ ...filters, language: e.target.value })}>
            <option value="">{t('search.any')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('sidebar.codes')}</span>
          <select value={filters.code} onChange={(e) => setFilters({ ...filters, code: e.target.value })}>
            <option value="">{t('search.any')}</option>
            {data.codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('search.from')}</span>
            <input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('search.to')}</span>
            <input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
          </label>
        </div>
      </details>
      {results.counts.source + results.counts.annotation > 0 && !error && kind !== 'note' && (
        <div className="search-export">
          <button
            type="button"
            className="link-button"
            onClick={(event) => {
              event.preventDefault();
              const { limit: _shown, ...whole } = query;
              onExport({ query: whole, passages: results.counts.annotation, sources: results.counts.source });
            }}
          >
            {t('search.export')}
          </button>
        </div>
      )}
      {status?.state === 'indexing' && (
        <div className="search-status" role="status">
          {t('search.indexing', { done: status.done, total: status.total || '…' })}
          <progress max={status.total || 1} value={status.done} />
        </div>
      )}
      {error && (
        <p className="search-error" role="alert">
          {error}
        </p>
      )}
      <ul className="item-list search-results" role="listbox" aria-label={t('search.results')}>
        {results.hits.map((hit, index) => (
          <SearchHitItem
            key={hit.ref}
            hit={hit}
            selected={index === selected}
            onOpen={() => open(hit)}
            onHover={() => setSelected(index)}
            footer={<span className="item-subtitle">{[t(`search.kind.${hit.kind}`), hit.publisher, formatDate(hit.date, language), ...(hit.kind === 'annotation' ? hit.tags : []), citedBy(hit, t)].filter(Boolean).join(' · ')}</span>}
          />
        ))}
        {more > 0 && (
          <li className="search-more">
            <button type="button" className="link-button" onClick={() => setLimit(limit + PAGE)}>
              {t('search.more', { count: Math.min(more, PAGE), total: results.total })}
            </button>
          </li>
        )}
        {text.trim() && !error && results.hits.length === 0 && <li className="empty-list">{t('search.none')}</li>}
        {!text.trim() && <li className="empty-list search-help">{t('search.help')}</li>}
      </ul>
    </div>
  );
}

/** "cited in 3 notes" under a source cited somewhere; nothing under one no note cites, which is most of them. */
function citedBy(hit: SearchHit, t: Translate): string {
  return hit.kind === 'source' && hit.citedBy ? t('search.citedBy', { count: hit.citedBy }) : '';
}
