import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { SearchPane } from '../search/SearchPane.tsx';
import { foldForMatch, formatDate, makeTranslate, useI18n, type Translate } from '../i18n/i18n.tsx';
import { Icon, PathIcon } from '../app/icons.tsx';
import { CITATIONS_ICON } from '../citations/StateBadge.tsx';
import { useCitationWarnings } from '../citations/use-citation-warnings.ts';
import { CodebookBar } from '../codes/CodebookBar.tsx';
import { useCodeMenu } from '../codes/use-code-menu.tsx';
import { DRAG_CODE_ATTRIBUTE, useCodeDrag, type CodeDragItemHandlers } from '../codes/use-code-drag.ts';
import { codesById } from '../codes/code-tree.ts';
import { useProgressive } from '../app/use-progressive.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { SearchToExport } from '../export/export-choices.ts';

type ListTab = 'sources' | 'notes' | 'codes';
type Tab = ListTab | 'search';
type SortKey = 'title' | 'date' | 'count';

interface Row {
  id: string;
  title: string;
  subtitle: string;
  /** What the filter box matches against, besides the title. */
  extra: string;
  /** A note's tags, for `#tag` in the filter. */
  tags: string[];
  date: string;
  count: number;
  color?: string;
  depth: number;
  place: Place;
}

const DEFAULT_SORT: Record<ListTab, SortKey> = { sources: 'title', notes: 'date', codes: 'title' };

/**
 * A long list (a codebook of thousands of codes) is put on screen in steps: the first rows at once,
 * the rest a batch per frame, so opening the tab or typing in the filter never waits for all of them.
 */
const FIRST_ROWS = 120;
const MORE_ROWS = 800;

/** The lists a researcher navigates by: sources, notes and codes, each with a count, a filter and a sort. */
export function Sidebar({ data, place, searchRequest, tagRequest, onOpen, onExportSearch }: { data: VaultData; place: Place; searchRequest: number; tagRequest: TagRequest | null; onOpen: (place: Place) => void; onExportSearch: (search: SearchToExport) => void }) {
  const { t, language } = useI18n();
  const [tab, setTab] = useState<Tab>('sources');
  const [filter, setFilter] = useState('');
  const [sorts, setSorts] = useState<Record<ListTab, SortKey>>(DEFAULT_SORT);
  const listTab: ListTab = tab === 'search' ? 'sources' : tab;
  const sort = sorts[listTab];
  useEffect(() => {
    if (searchRequest > 0) setTab('search');
  }, [searchRequest]);
  // A tag clicked elsewhere lists the notes that carry it.
  useEffect(() => {
    if (!tagRequest) return;
    setTab('notes');
    setFilter(`#${tagRequest.tag}`);
  }, [tagRequest]);

  const rows = useMemo<Row[]>(() => {
    if (listTab === 'sources') {
      return data.sources.map((s) => ({
        id: s.id,
        title: s.title,
        subtitle: [s.container ?? s.publisher, formatDate(s.published, language)].filter(Boolean).join(' · '),
        extra: `${s.container ?? ''} ${s.publisher ?? ''} ${s.authors.join(' ')}`,
        tags: [],
        date: s.published ?? s.imported,
        count: s.annotationCount,
        depth: 0,
        place: { kind: 'source', id: s.id },
      }));
    }
    if (listTab === 'notes') {
      return data.notes.map((n) => ({
        id: n.id,
        title: n.title,
        subtitle: [formatDate(n.updated, language), n.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join(' · '),
        extra: n.tags.join(' '),
        tags: n.tags,
        date: n.updated,
        count: 0,
        depth: 0,
        place: { kind: 'note', id: n.id },
      }));
    }
    const byId = codesById(data.codes);
    const depthOf = (id: string, seen = new Set<string>()): number => {
      const parent = byId.get(id)?.parent;
      if (!parent || seen.has(parent) || !byId.has(parent)) return 0;
      seen.add(parent);
      return 1 + depthOf(parent, seen);
    };
    return data.codes.map((c) => ({
      id: c.id,
      title: c.name,
      subtitle: c.description,
      extra: c.description,
      tags: [],
      date: '',
      count: c.annotationCount,
      color: c.color,
      depth: depthOf(c.id),
      place: { kind: 'code', id: c.id },
    }));
  }, [listTab, data.sources, data.notes, data.codes, language]);

  const visible = useMemo(() => {
    const { words, tags } = parseFilter(filter);
    const needle = foldForMatch(words);
    const matching = needle || tags.length ? rows.filter((r) => foldForMatch(`${r.title} ${r.extra}`).includes(needle) && tags.every((tag) => r.tags.some((own) => hasTag(own, tag)))) : rows;
    const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
    const sorted = [...matching].sort((a, b) => {
      if (sort === 'date') return b.date.localeCompare(a.date) || collator.compare(a.title, b.title);
      if (sort === 'count') return b.count - a.count || collator.compare(a.title, b.title);
      return collator.compare(a.title, b.title);
    });
    // The code tree keeps children under their parent when sorted by name and unfiltered.
    return listTab === 'codes' && sort === 'title' && !needle ? treeOrder(sorted, data.codes) : sorted;
  }, [rows, filter, sort, language, listTab, data.codes]);

  const counts: Record<ListTab, number> = { sources: data.sources.length, notes: data.notes.length, codes: data.codes.length };
  const openId = 'id' in place ? `${place.kind}:${place.id}` : null;
  const info = data.info;
  const readOnly = info?.readOnly ?? true;
  const codeMenu = useCodeMenu(data.codes, readOnly, onOpen);
  const citationWarnings = useCitationWarnings(data.revision, info !== null);
  const codeDrag = useCodeDrag(data.codes, listTab === 'codes' && !readOnly, codeMenu.say);
  // The rows are memoised: they get a translation that changes only with the language, and handlers that never change.
  const translate = useMemo(() => makeTranslate(language), [language]);
  const latest = useRef({ onOpen, codeMenu, readOnly, codes: data.codes, listTab });
  latest.current = { onOpen, codeMenu, readOnly, codes: data.codes, listTab };
  const actions = useMemo<RowActions>(() => {
    const codeOf = (row: Row) => (latest.current.listTab === 'codes' ? codesById(latest.current.codes).get(row.id) : undefined);
    return {
      open: (row) => latest.current.onOpen(row.place),
      menu: (row, event) => {
        const code = codeOf(row);
        if (code) latest.current.codeMenu.openMenu(code, event);
      },
      keyDown: (row, event) => {
        // As in a file manager: F2 renames the code, Delete moves it to the trash.
        const code = codeOf(row);
        if (!code || latest.current.readOnly) return;
        if (event.key === 'F2') latest.current.codeMenu.run('rename', code);
        else if (event.key === 'Delete') latest.current.codeMenu.run('delete', code);
        else return;
        event.preventDefault();
      },
    };
  }, []);

  // Long lists in steps: back to the first rows when the list itself changes, not when its data reloads.
  const limit = useProgressive(visible.length, `${listTab}\u0000${sort}\u0000${filter}`, FIRST_ROWS, MORE_ROWS);
  const shown = limit >= visible.length ? visible : visible.slice(0, limit);

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="tabs" role="tablist">
        {(['sources', 'notes', 'codes'] as ListTab[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls="sidebar-list"
            className={`tab ${tab === name ? 'active' : ''}`}
            onClick={() => setTab(name)}
          >
            {t(`sidebar.${name}`)} <span className="count">{counts[name]}</span>
          </button>
        ))}
        <button
          type="button"
          role="tab"
          id="tab-search"
          aria-selected={tab === 'search'}
          className={`tab tab-icon ${tab === 'search' ? 'active' : ''}`}
          onClick={() => setTab('search')}
          title={`${t('search.title')} (Ctrl+Shift+F)`}
          aria-label={t('search.title')}
        >
          <Icon name="search" />
        </button>
      </div>
      <div hidden={tab !== 'search'} className="search-tab">
        <SearchPane data={data} focusRequest={tab === 'search' ? searchRequest + 1 : 0} onOpen={onOpen} onExport={onExportSearch} />
      </div>
      <div hidden={tab === 'search'} className="list-tab">
      <div className="list-controls">
        <input
          type="search"
          className="filter"
          placeholder={t(`sidebar.filter.${listTab}`)}
          aria-label={t(`sidebar.filter.${listTab}`)}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <select aria-label={t('sidebar.sort')} value={sort} onChange={(e) => setSorts({ ...sorts, [listTab]: e.target.value as SortKey })}>
          <option value="title">{t('sidebar.sort.title')}</option>
          {listTab !== 'codes' && <option value="date">{t(listTab === 'notes' ? 'sidebar.sort.updated' : 'sidebar.sort.date')}</option>}
          {listTab !== 'notes' && <option value="count">{t('sidebar.sort.annotations')}</option>}
        </select>
      </div>
      {listTab === 'codes' && <CodebookBar place={place} readOnly={readOnly} onNew={() => codeMenu.create()} onOpen={onOpen} />}
      <ul id="sidebar-list" className={`item-list ${codeDrag.over === '' ? 'drop-top' : ''}`} {...(listTab === 'codes' ? codeDrag.listProps : {})} role="tabpanel" aria-labelledby={`tab-${listTab}`}>
        {shown.map((row) => (
          <ListRow
            key={row.id}
            row={row}
            kind={listTab}
            selected={openId === `${row.place.kind}:${row.id}`}
            dropTarget={codeDrag.over === row.id}
            drag={listTab === 'codes' && codeDrag.enabled ? codeDrag.itemHandlers : null}
            actions={actions}
            t={translate}
          />
        ))}
        {visible.length === 0 && <li className="empty-list">{filter ? t('sidebar.noMatch') : t(`sidebar.empty.${listTab}`)}</li>}
      </ul>
      </div>
      <div className="sidebar-footer">
        <button type="button" className={`footer-link ${place.kind === 'trash' ? 'selected' : ''}`} onClick={() => onOpen({ kind: 'trash' })}>
          <Icon name="trash" /> {t('sidebar.trash')} {info && info.counts.trash > 0 && <span className="count">{info.counts.trash}</span>}
        </button>
        <button
          type="button"
          className={`footer-link ${place.kind === 'citations' ? 'selected' : ''}`}
          onClick={() => onOpen({ kind: 'citations' })}
          title={citationWarnings > 0 ? t('citationReport.sidebarWarning', { count: citationWarnings }) : undefined}
        >
          <PathIcon d={CITATIONS_ICON} /> {t('citationReport.sidebar')}
          {citationWarnings > 0 && (
            <span className="count citation-warning-count">
              <Icon name="warning" label={t('citationReport.sidebarWarning', { count: citationWarnings })} />
              {citationWarnings}
            </span>
          )}
        </button>
        {info && info.counts.problems > 0 && (
          <button type="button" className={`footer-link warning ${place.kind === 'problems' ? 'selected' : ''}`} onClick={() => onOpen({ kind: 'problems' })}>
            <Icon name="warning" /> {t('sidebar.problems', { count: info.counts.problems })}
          </button>
        )}
      </div>
      {codeMenu.element}
    </nav>
  );
}

interface RowActions {
  open: (row: Row) => void;
  menu: (row: Row, event: MouseEvent<HTMLElement>) => void;
  keyDown: (row: Row, event: KeyboardEvent<HTMLElement>) => void;
}

/** One row of a list; re-rendered only when its own state changes (opened, a drop target), not on every navigation. */
const ListRow = memo(function ListRow({ row, kind, selected, dropTarget, drag, actions, t }: { row: Row; kind: ListTab; selected: boolean; dropTarget: boolean; drag: CodeDragItemHandlers | null; actions: RowActions; t: Translate }) {
  const isCode = kind === 'codes';
  return (
    <li className={isCode ? 'code-row' : undefined}>
      <button
        type="button"
        className={`item ${selected ? 'selected' : ''} ${dropTarget ? 'drop-target' : ''}`}
        {...(drag ? { draggable: true, [DRAG_CODE_ATTRIBUTE]: row.id, ...drag } : {})}
        style={{ paddingLeft: `${0.75 + row.depth * 1}rem` }}
        onClick={() => actions.open(row)}
        onContextMenu={(event) => actions.menu(row, event)}
        onKeyDown={(event) => actions.keyDown(row, event)}
        aria-current={selected ? 'page' : undefined}
      >
        {row.color && <span className="swatch" style={{ background: row.color }} aria-hidden="true" />}
        <span className="item-text">
          <span className="item-title">{row.title}</span>
          {row.subtitle && <span className="item-subtitle">{row.subtitle}</span>}
        </span>
        {kind !== 'notes' && row.count > 0 && (
          <span className="count" title={t('sidebar.annotationCount', { count: row.count })}>
            {row.count}
          </span>
        )}
      </button>
      {isCode && (
        <button type="button" className="icon-button code-row-menu" aria-haspopup="menu" aria-label={t('codes.menu.for', { name: row.title })} title={t('codes.menu.label')} onClick={(event) => actions.menu(row, event)}>
          ⋯
        </button>
      )}
    </li>
  );
});

function treeOrder<T extends { id: string }>(sorted: T[], codes: { id: string; parent?: string }[]): T[] {
  const parentOf = new Map(codes.map((c) => [c.id, c.parent]));
  const ids = new Set(sorted.map((r) => r.id));
  const children = new Map<string | undefined, T[]>();
  for (const row of sorted) {
    const parent = parentOf.get(row.id);
    const key = parent && ids.has(parent) ? parent : undefined;
    const siblings = children.get(key);
    if (siblings) siblings.push(row);
    else children.set(key, [row]);
  }
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (key: string | undefined) => {
    for (const row of children.get(key) ?? []) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      out.push(row);
      visit(row.id);
    }
  };
  visit(undefined);
  // Codes caught in a parent cycle (a hand edit) still show.
  const placed = new Set(out);
  for (const row of sorted) if (!placed.has(row)) out.push(row);
  return out;
}

export interface TagRequest {
  tag: string;
  /** Bumped on each click, so the same tag clicked twice lists its notes again. */
  n: number;
}

/** `#mekong terrain`: the words match titles; each `#tag` must be one of the note's tags. */
function parseFilter(filter: string): { words: string; tags: string[] } {
  const tags = [...filter.matchAll(/(?:^|\s)#([^\s#]+)/g)].map((match) => foldForMatch(match[1] ?? ''));
  return { words: filter.replace(/(?:^|\s)#[^\s#]*/g, ' ').trim(), tags };
}

/** A tag matches itself and its nested tags (`#mekong` finds `#mekong/vietnam`), accents and case aside. */
function hasTag(own: string, wanted: string): boolean {
  const folded = foldForMatch(own);
  return folded === wanted || folded.startsWith(`${wanted}/`);
}
