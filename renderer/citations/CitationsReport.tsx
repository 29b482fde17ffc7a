import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { makeTranslate, useI18n, type Translate } from '../i18n/i18n.tsx';
import { PathIcon } from '../app/icons.tsx';
import { useRowsOnDemand } from '../app/use-progressive.ts';
import { CITATIONS_ICON } from './StateBadge.tsx';
import { CitationFilters } from './CitationFilters.tsx';
import { CitationEntry, type EntryActions } from './CitationEntry.tsx';
import { STATE_ORDER, choicesOf, countStates, groupByNote, inScope, withStates, type NoteGroup } from './citation-report-model.ts';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { Citation, CitationState } from '../../electron/api.ts';

type CitationsPlace = Extract<Place, { kind: 'citations' }>;

/**
 * Ten thousand citations: the first screens at once, more as the reader scrolls (or tabs) towards
 * the end. Building all of them up front took seconds, and a page holding them all took a second to
 * answer each filter toggle (measured: 10,000 entries, 9 s to build, 0.8 to 1.4 s per toggle).
 */
const FIRST_ENTRIES = 60;
const MORE_ENTRIES = 200;

/** Every citation of the vault's notes, checked against its source today, by note, problems first. */
export function CitationsReport({ place, data, onOpen }: { place: CitationsPlace; data: VaultData; onOpen: (place: Place, replace?: boolean) => void }) {
  const { t: liveT, language } = useI18n();
  // A translation that changes only with the language, so the memoised entries keep still.
  const t = useMemo(() => makeTranslate(language), [language]);
  const [citations, setCitations] = useState<Citation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { states, noteId, sourceId } = place;

  useEffect(() => {
    let live = true;
    api.listCitations({}).then(
      (found) => {
        if (!live) return;
        setCitations(found);
        setError(null);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [data.revision]);

  const collator = useMemo(() => new Intl.Collator(language, { sensitivity: 'base', numeric: true }), [language]);
  const all = useMemo(() => citations ?? [], [citations]);
  const scoped = useMemo(() => inScope(all, { noteId, sourceId }), [all, noteId, sourceId]);
  const counts = useMemo(() => countStates(scoped), [scoped]);
  const groups = useMemo(() => groupByNote(withStates(scoped, states), collator), [scoped, states, collator]);
  const shownTotal = groups.reduce((sum, group) => sum + group.citations.length, 0);
  const notes = useMemo(() => choicesOf(inScope(all, { sourceId }), collator, t('citationReport.sourceMissing')).notes, [all, sourceId, collator, t]);
  const sources = useMemo(() => choicesOf(inScope(all, { noteId }), collator, t('citationReport.sourceMissing')).sources, [all, noteId, collator, t]);

  const latest = useRef(onOpen);
  latest.current = onOpen;
  const actions = useMemo<EntryActions>(
    () => ({
      openNote: (c) => latest.current({ kind: 'note', id: c.noteId, citation: c.index }),
      openNoteTop: (id) => latest.current({ kind: 'note', id }),
      openSource: (c) => latest.current({ kind: 'source', id: c.sourceId, ...(c.annotationId && c.missing !== 'annotation' ? { annotationId: c.annotationId } : {}) }),
      openTrash: () => latest.current({ kind: 'trash' }),
    }),
    [],
  );

  const narrow = (change: Partial<Omit<CitationsPlace, 'kind'>>) => {
    const next = { ...place, ...change };
    // Absent rather than undefined, so the place compares equal to the same place opened afresh.
    onOpen({ kind: 'citations', ...(next.states ? { states: next.states } : {}), ...(next.noteId ? { noteId: next.noteId } : {}), ...(next.sourceId ? { sourceId: next.sourceId } : {}) }, true);
  };
  const narrowed = !!(states?.length || noteId || sourceId);

  return (
    <article className="list-view citations-report">
      <header className="reader-header">
        <p className="kind-label">
          <PathIcon d={CITATIONS_ICON} /> {liveT('citationReport.kind')}
        </p>
        <h1>{liveT('citationReport.title')}</h1>
        <p className="byline">{liveT('citationReport.explain')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {citations === null && !error && <p className="muted">{liveT('citationReport.loading')}</p>}
      {citations !== null && citations.length === 0 && <p className="citation-empty">{liveT('citationReport.empty')}</p>}
      {citations !== null && citations.length > 0 && (
        <>
          <CitationFilters
            states={states}
            counts={counts}
            total={scoped.length}
            noteId={noteId}
            sourceId={sourceId}
            notes={notes}
            sources={sources}
            onStates={(next: CitationState[] | undefined) => narrow({ states: next })}
            onNote={(next) => narrow({ noteId: next })}
            onSource={(next) => narrow({ sourceId: next })}
            t={t}
          />
          <div className="citation-summary">
            <p className="muted" aria-live="polite">
              {narrowed ? t('citationReport.summaryOf', { count: shownTotal, total: all.length }) : t('citationReport.summary', { count: all.length })} {t('citationReport.notes', { count: groups.length })}
            </p>
            {narrowed && (
              <button type="button" className="link-button" onClick={() => onOpen({ kind: 'citations' }, true)}>
                {t('citationReport.clear')}
              </button>
            )}
          </div>
          {shownTotal === 0 ? <p className="citation-empty">{t('citationReport.noMatch')}</p> : <GroupList key={JSON.stringify([states, noteId, sourceId])} groups={groups} total={shownTotal} actions={actions} t={t} />}
        </>
      )}
    </article>
  );
}

/**
 * The groups up to so many citations in all: the last one shown may be cut, and fills in with the
 * next batch. Keyed by the filters, so other filters start again from the first batch.
 */
function GroupList({ groups, total, actions, t }: { groups: NoteGroup[]; total: number; actions: EntryActions; t: Translate }) {
  const { shown: limit, sentinel, complete } = useRowsOnDemand(total, FIRST_ENTRIES, MORE_ENTRIES);
  const shown: NoteGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    shown.push(left >= group.citations.length ? group : { ...group, citations: group.citations.slice(0, left) });
    left -= group.citations.length;
  }
  return (
    <div className="citation-groups">
      {shown.map((group) => (
        <section key={group.noteId} className="citation-group" aria-labelledby={`citations-of-${group.noteId}`}>
          <h2 id={`citations-of-${group.noteId}`} className="citation-group-title">
            <button type="button" className="link-button" onClick={() => actions.openNoteTop(group.noteId)}>
              {group.noteTitle}
            </button>
          </h2>
          <p className="citation-group-counts">
            {t('citationReport.summary', { count: STATE_ORDER.reduce((sum, state) => sum + group.counts[state], 0) })}
            {STATE_ORDER.filter((state) => group.counts[state] > 0).map((state) => (
              <span key={state} className={`group-count state-${state}`}>
                {t(`citationReport.count.${state}`, { count: group.counts[state] })}
              </span>
            ))}
          </p>
          <ul className="citation-list">
            {group.citations.map((citation) => (
              <CitationEntry key={`${citation.noteId}:${citation.index}`} citation={citation} actions={actions} t={t} />
            ))}
          </ul>
        </section>
      ))}
      {!complete && (
        <p ref={sentinel} className="citation-more muted">
          {t('citationReport.more', { shown: limit, total })}
        </p>
      )}
    </div>
  );
}
