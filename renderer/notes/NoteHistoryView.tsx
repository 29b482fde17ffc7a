import { useEffect, useMemo, useState } from 'react';
import { diffLines, type Change } from 'diff';
import { api, errorMessage } from '../api-client.ts';
import { useI18n, type Language } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import type { Place } from '../app/navigation.ts';
import type { NoteDetail, NoteVersion, NoteVersionSummary } from '../../electron/api.ts';

interface NoteHistoryViewProps {
  id: string;
  revision: number;
  readOnly: boolean;
  onOpen: (place: Place) => void;
  onNotice: (text: string) => void;
}

/** A note's earlier versions, newest first: each shown as what changed since, and restorable. */
export function NoteHistoryView({ id, revision, readOnly, onOpen, onNotice }: NoteHistoryViewProps) {
  const { t, language } = useI18n();
  const [note, setNote] = useState<NoteDetail | null>(null);
  const [versions, setVersions] = useState<NoteVersionSummary[] | null>(null);
  const [chosen, setChosen] = useState<NoteVersion | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.getNote({ id }), api.listNoteHistory({ id })]).then(
      ([current, list]) => {
        setNote(current);
        setVersions(list);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [id, revision]);

  const choose = (version: string) => api.getNoteVersion({ id, version }).then(setChosen, (failure: unknown) => setError(errorMessage(failure)));

  useEffect(() => {
    const first = versions?.[0];
    if (first && !chosen) void choose(first.version);
    // Only when the list first arrives: later choices are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versions]);

  const changes = useMemo(() => (chosen && note ? folded(diffLines(chosen.body, note.body)) : []), [chosen, note]);
  const identical = changes.every((part) => part.kind === 'same' || part.kind === 'gap');

  const restore = async () => {
    if (!chosen || !note) return;
    try {
      // Restoring is one more save: the version it replaces goes to the history too, so nothing is lost.
      await api.saveNote({ id, title: chosen.title || note.title, body: chosen.body, tags: note.tags, baseRevision: note.revision });
      onNotice(t('history.restored', { date: when(chosen.saved, language) }));
      onOpen({ kind: 'note', id });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <article className="list-view history-view">
      <header className="reader-header">
        <p className="kind-label">
          <Icon name="history" /> {t('history.title')}
        </p>
        <h1>{note?.title ?? ''}</h1>
        <p className="byline">{t('history.explain')}</p>
      </header>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {versions?.length === 0 && <p className="empty-list">{t('history.empty')}</p>}
      {versions && versions.length > 0 && (
        <div className="history-layout">
          <ul className="plain-list history-versions" aria-label={t('history.versions')}>
            {versions.map((version) => (
              <li key={version.version}>
                <button type="button" className={`history-version ${chosen?.version === version.version ? 'selected' : ''}`} aria-pressed={chosen?.version === version.version} onClick={() => void choose(version.version)}>
                  {when(version.saved, language)}
                </button>
              </li>
            ))}
          </ul>
          {chosen && (
            <section className="history-diff" aria-label={t('history.changes')}>
              <div className="history-diff-header">
                <p className="muted">{t(identical ? 'history.identical' : 'history.compared', { date: when(chosen.saved, language) })}</p>
                {!readOnly && (
                  <button type="button" className="primary" onClick={() => void restore()}>
                    {t('history.restore')}
                  </button>
                )}
              </div>
              {chosen.title && note && chosen.title !== note.title && <p className="history-title-change">{t('history.titleWas', { title: chosen.title })}</p>}
              <pre className="diff">
                {changes.map((part, index) =>
                  part.kind === 'gap' ? (
                    <span key={index} className="diff-gap">
                      {t('history.unchanged', { count: part.lines })}
                    </span>
                  ) : (
                    <span key={index} className={`diff-${part.kind}`}>
                      {part.text}
                    </span>
                  ),
                )}
              </pre>
            </section>
          )}
        </div>
      )}
    </article>
  );
}

type Part = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'gap'; lines: number };

const CONTEXT = 2;

/** Long unchanged stretches folded to a few lines of context around each change, as a diff tool shows them. */
function folded(changes: Change[]): Part[] {
  const parts: Part[] = [];
  changes.forEach((change, index) => {
    if (change.added || change.removed) {
      parts.push({ kind: change.added ? 'added' : 'removed', text: change.value });
      return;
    }
    const lines = change.value.split(/(?<=\n)/);
    const keepBefore = index === 0 ? 0 : CONTEXT;
    const keepAfter = index === changes.length - 1 ? 0 : CONTEXT;
    if (lines.length <= keepBefore + keepAfter + 1) {
      parts.push({ kind: 'same', text: change.value });
      return;
    }
    if (keepBefore) parts.push({ kind: 'same', text: lines.slice(0, keepBefore).join('') });
    parts.push({ kind: 'gap', lines: lines.length - keepBefore - keepAfter });
    if (keepAfter) parts.push({ kind: 'same', text: lines.slice(-keepAfter).join('') });
  });
  return parts;
}

/** Versions a few seconds apart must read apart: the date with the time to the second. */
function when(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}
