import { useEffect, useMemo, useState } from 'react';
import { api } from '../api-client.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { SourceDetails } from './SourceDetails.tsx';
import { Field } from './Field.tsx';
import { Icon } from '../app/icons.tsx';
import type { Place } from '../app/navigation.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import { citationStateText, STATE_MARKS } from '../notes/citation-words.ts';
import type { Citation, NoteDetail } from '../../electron/api.ts';

interface DetailsPaneProps {
  place: Place;
  data: VaultData;
  onOpen: (place: Place, replace?: boolean) => void;
  onOpenExternal: (url: string) => void;
  /** Lists the notes with a tag (a click on the tag). */
  onTag: (tag: string) => void;
  /** Says something in the app's message bar (a change that could not be saved on leaving a form). */
  onNotice: (text: string) => void;
}

/** The right pane: the metadata of what is open (a source's annotations have their own pane beside the reader). */
export function DetailsPane({ place, data, onOpen, onOpenExternal, onTag, onNotice }: DetailsPaneProps) {
  const { t } = useI18n();
  return (
    <aside className="details" aria-label={t('details.label')}>
      {place.kind === 'source' && <SourceDetails id={place.id} data={data} onOpenExternal={onOpenExternal} onNotice={onNotice} />}
      {((place.kind === 'note' && !place.draft) || place.kind === 'noteHistory') && <NoteDetails id={place.id} data={data} onOpen={onOpen} onTag={onTag} />}
      {place.kind === 'code' && <CodeDetails id={place.id} data={data} onOpen={onOpen} />}
      {(place.kind === 'home' || place.kind === 'trash' || place.kind === 'problems' || place.kind === 'passages' || place.kind === 'matrix' || place.kind === 'cooccurrence') && <VaultDetails data={data} />}
      {place.kind === 'citations' && <CitationStatesLegend />}
    </aside>
  );
}

function NoteDetails({ id, data, onOpen, onTag }: { id: string; data: VaultData; onOpen: DetailsPaneProps['onOpen']; onTag: DetailsPaneProps['onTag'] }) {
  const { t, language } = useI18n();
  const [note, setNote] = useState<NoteDetail | null>(null);
  useEffect(() => {
    api.getNote({ id }).then(setNote, () => setNote(null));
  }, [id, data.revision]);
  const cited = useNoteCitations(id, data.revision);
  if (!note) return null;
  return (
    <>
      <section className="details-section">
        <h2>{t('details.note')}</h2>
        <dl className="fields">
          <Field label={t('field.created')}>{formatDate(note.created, language, true)}</Field>
          <Field label={t('field.updated')}>{formatDate(note.updated, language, true)}</Field>
          <Field label={t('note.tags')}>
            {note.tags.length ? (
              <span className="tag-list">
                {note.tags.map((tag) => (
                  <button key={tag} type="button" className="tag-chip" title={t('note.tagShow', { tag })} onClick={() => onTag(tag)}>
                    #{tag}
                  </button>
                ))}
              </span>
            ) : (
              <span className="muted">{t('field.none')}</span>
            )}
          </Field>
          <Field label={t('field.file')}>
            <code className="break">{note.path}</code>
          </Field>
        </dl>
        <button type="button" className="link-button" onClick={() => onOpen({ kind: 'noteHistory', id })}>
          <Icon name="history" /> {t('history.open')}
        </button>
      </section>
      <section className="details-section">
        <h2>
          {t('details.cited')} <span className="count">{cited.length}</span>
        </h2>
        <ul className="plain-list">
          {cited.map((source) => (
            <li key={source.id} className="cited-source">
              <button type="button" className="home-link" disabled={!source.title} onClick={() => onOpen({ kind: 'source', id: source.id })}>
                {source.title ?? t('details.missingSource', { id: source.id })}
              </button>
              <span className="cited-states">
                {source.citations.map((citation) => (
                  <button
                    key={citation.index}
                    type="button"
                    className={`cited-state citation-${citation.state}`}
                    title={`${t('citedIn.place', { title: note.title, line: citation.line })} — ${citationStateText(t, citation)}`}
                    aria-label={`${t('citedIn.place', { title: note.title, line: citation.line })} — ${citationStateText(t, citation)}`}
                    onClick={() => onOpen({ kind: 'note', id, citation: citation.index })}
                  >
                    {STATE_MARKS[citation.state]}
                  </button>
                ))}
              </span>
            </li>
          ))}
          {cited.length === 0 && <li className="empty-list">{t('details.noCitations')}</li>}
        </ul>
      </section>
    </>
  );
}

/** Beside the Citations report: what each state means, and what to do about it. */
function CitationStatesLegend() {
  const { t } = useI18n();
  const states: { state: Citation['state']; missing?: Citation['missing'] }[] = [{ state: 'verified' }, { state: 'changed' }, { state: 'needs-review' }, { state: 'missing', missing: 'source' }, { state: 'missing', missing: 'annotation' }, { state: 'missing', missing: 'passage' }];
  return (
    <section className="details-section">
      <h2>{t('citation.legend')}</h2>
      <ul className="plain-list citation-legend">
        {states.map((entry) => (
          <li key={`${entry.state}-${entry.missing ?? ''}`}>
            <span className={`cited-state citation-${entry.state}`} aria-hidden="true">
              {STATE_MARKS[entry.state]}
            </span>{' '}
            {citationStateText(t, entry)}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('citation.legendCheck')}</p>
    </section>
  );
}


/** A note's citations by source, in the order they first appear, each with its state. */
function useNoteCitations(noteId: string, revision: number): { id: string; title?: string; citations: Citation[] }[] {
  const [citations, setCitations] = useState<Citation[]>([]);
  useEffect(() => {
    let live = true;
    api.listCitations({ noteId }).then(
      (list) => live && setCitations(list),
      () => live && setCitations([]),
    );
    return () => {
      live = false;
    };
  }, [noteId, revision]);
  return useMemo(() => {
    const bySource = new Map<string, { id: string; title?: string; citations: Citation[] }>();
    for (const citation of citations) {
      const entry = bySource.get(citation.sourceId) ?? { id: citation.sourceId, title: citation.source?.title, citations: [] };
      entry.citations.push(citation);
      bySource.set(citation.sourceId, entry);
    }
    return [...bySource.values()];
  }, [citations]);
}

function CodeDetails({ id, data, onOpen }: { id: string; data: VaultData; onOpen: DetailsPaneProps['onOpen'] }) {
  const { t } = useI18n();
  const code = data.codes.find((c) => c.id === id);
  if (!code) return null;
  const parent = code.parent ? data.codes.find((c) => c.id === code.parent) : undefined;
  const children = data.codes.filter((c) => c.parent === code.id);
  return (
    <section className="details-section">
      <h2>{t('code.kind')}</h2>
      <dl className="fields">
        <Field label={t('field.name')}>{code.name}</Field>
        <Field label={t('field.color')}>
          <span className="swatch" style={{ background: code.color }} aria-hidden="true" /> <code>{code.color}</code>
        </Field>
        {code.description && <Field label={t('field.description')}>{code.description}</Field>}
        {parent && (
          <Field label={t('field.parent')}>
            <button type="button" className="link-button" onClick={() => onOpen({ kind: 'code', id: parent.id })}>
              {parent.name}
            </button>
          </Field>
        )}
        {children.length > 0 && (
          <Field label={t('field.children')}>
            {children.map((child) => (
              <button key={child.id} type="button" className="link-button" onClick={() => onOpen({ kind: 'code', id: child.id })}>
                {child.name}
              </button>
            ))}
          </Field>
        )}
        <Field label={t('details.annotations')}>{code.annotationCount}</Field>
      </dl>
    </section>
  );
}

function VaultDetails({ data }: { data: VaultData }) {
  const { t } = useI18n();
  const info = data.info;
  if (!info) return null;
  return (
    <section className="details-section">
      <h2>{t('home.vault')}</h2>
      <dl className="fields">
        <Field label={t('field.name')}>{info.name}</Field>
        <Field label={t('field.folder')}>
          <code className="break">{info.root}</code>
        </Field>
        <Field label={t('field.format')}>{info.formatVersion}</Field>
        <Field label={t('sidebar.sources')}>{info.counts.sources}</Field>
        <Field label={t('sidebar.notes')}>{info.counts.notes}</Field>
        <Field label={t('sidebar.codes')}>{info.counts.codes}</Field>
      </dl>
    </section>
  );
}
