import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Icon } from '../app/icons.tsx';
import { segmentBody, type Placed } from './body-segments.ts';
import { ReaderBody } from './ReaderBody.tsx';
import { useSource } from './use-source.ts';
import { TrimBanner } from './TrimBanner.tsx';
import { useTrim } from './trim-actions.ts';
import { AnnotationPane } from '../annotations/AnnotationPane.tsx';
import { SelectionToolbar } from '../annotations/SelectionToolbar.tsx';
import { annotationColor, useHighlightColors } from '../annotations/highlight-colors.ts';
import { useAnnotationActions } from '../annotations/use-annotation-actions.ts';
import { boxWithin, useSelectionToolbar } from '../annotations/use-selection-toolbar.ts';
import { usePendingAnnotation } from '../annotations/use-pending-annotation.ts';
import { useCitedIn } from '../annotations/use-cited-in.ts';
import { useQuoteInNote } from '../annotations/use-quote-in-note.ts';
import { CitedIn } from '../annotations/CitedIn.tsx';
import { selectedBodyRange } from '../annotations/reader-selection.ts';
import { PASSAGE_TYPE } from '../notes/quote-drop.ts';
import { useToast } from '../app/use-toast.tsx';
import { readableQuote, shortQuote } from '../annotations/readable-quote.ts';
import { useAnnotationKeys } from '../annotations/use-annotation-keys.ts';
import type { CardActions } from '../annotations/AnnotationCard.tsx';
import type { PaneEntry } from '../annotations/annotation-filter.ts';
import type { VaultData } from '../app/use-vault-data.ts';
import type { CodeSummary } from '../../electron/api.ts';

interface SourceReaderProps {
  id: string;
  annotationId?: string;
  data: VaultData;
  readOnly: boolean;
  onSelectAnnotation: (annotationId: string) => void;
  onOpenExternal: (url: string) => void;
  onDelete: (title: string) => void;
  onNotice: (text: string) => void;
  /** Opens a note, at one of its citations when given. */
  onOpenNote: (noteId: string, citation?: number) => void;
}

/** A source as a researcher reads and annotates it: the clean body in a readable measure, a toolbar by each selection, the annotations beside. */
export function SourceReader({ id, annotationId, data, readOnly, onSelectAnnotation, onOpenExternal, onDelete, onNotice, onOpenNote }: SourceReaderProps) {
  const { t, language } = useI18n();
  const { loaded, error, setAnnotations } = useSource(id, data.revision);
  const article = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const colors = useHighlightColors(data.revision);
  const sayRef = useRef<(text: string) => void>(() => undefined);
  const actions = useAnnotationActions(id, loaded?.source.revision, setAnnotations, onNotice, (text) => sayRef.current(text));
  // The toolbar's outside click goes through a ref: the hook that knows what to keep comes after it.
  const dismissRef = useRef<() => void>(() => undefined);
  const onDismiss = useCallback(() => dismissRef.current(), []);
  const { pending, setPending, bodyHandlers } = useSelectionToolbar(article, body, onDismiss);
  // A code made from the toolbar is shown before the codebook's change event brings it back.
  const [madeCodes, setMadeCodes] = useState<CodeSummary[]>([]);
  const codes = useMemo(() => [...data.codes, ...madeCodes.filter((m) => !data.codes.some((c) => c.id === m.id))], [data.codes, madeCodes]);
  const [visible, setVisible] = useState<string[]>([]);
  /** The lost annotation the user is choosing words for, if any. */
  const [attaching, setAttaching] = useState<string | null>(null);
  const onCodeMade = useCallback((code: CodeSummary) => setMadeCodes((made) => [...made, code]), []);
  const { toast, say } = useToast();
  sayRef.current = say;
  const cited = useCitedIn(id, data.revision);
  const quote = useQuoteInNote(id, loaded?.source.title ?? '', say, onNotice);
  const citingPlaces = useMemo(() => Object.values(cited?.annotations ?? {}).flat(), [cited]);
  const [showCiting, setShowCiting] = useState(false);
  const toolbar = usePendingAnnotation({ pending, setPending, source: loaded?.source, annotations: loaded?.annotations.annotations ?? [], defaultColor: colors[0]?.color, actions, onDone: say, onCodeMade });
  dismissRef.current = toolbar.dismiss;

  const selectionShown = pending && !pending.annotationId && pending.panel !== 'main' ? pending.range : null;
  const entries = useMemo<PaneEntry[]>(() => {
    if (!loaded) return [];
    const codeColors = new Map(codes.map((c) => [c.id, c.color]));
    return loaded.annotations.annotations.map((annotation, i) => ({ annotation, anchor: loaded.annotations.anchors[i] ?? { state: 'orphan' }, color: annotationColor(annotation, codeColors, colors) }));
  }, [loaded, codes, colors]);
  const paragraphs = useMemo(() => {
    if (!loaded) return [];
    const placed: Placed[] = [];
    for (const { annotation, anchor } of entries) if (anchor.state !== 'orphan') placed.push({ id: annotation.id, start: anchor.start, end: anchor.end });
    // While a field of the toolbar has the focus the browser hides the selection: it is drawn instead.
    if (selectionShown) placed.push({ id: SELECTION_ID, ...selectionShown });
    placed.sort((a, b) => a.start - b.start || b.end - a.end);
    return segmentBody(loaded.source.body, placed);
  }, [loaded, entries, selectionShown]);
  const trim = useTrim(loaded?.source, Math.max(loaded?.source.annotationCount ?? 0, loaded?.annotations.annotations.length ?? 0), paragraphs, readOnly, onNotice);
  const markColors = useMemo(() => new Map([...entries.map((e): [string, string] => [e.annotation.id, e.color]), [SELECTION_ID, SELECTION_COLOR]]), [entries]);

  const select = useCallback((next: string) => onSelectAnnotation(next), [onSelectAnnotation]);
  useAnnotationKeys(visible, annotationId, select, pending !== null && pending.panel !== 'main');

  useEffect(() => {
    if (!annotationId || !loaded) return;
    const marks = article.current?.querySelectorAll(`[data-annotations~="${CSS.escape(annotationId)}"]`);
    if (!marks || marks.length === 0) return;
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    marks.forEach((mark) => mark.classList.add('flash'));
    const timer = window.setTimeout(() => marks.forEach((mark) => mark.classList.remove('flash')), 1200);
    return () => window.clearTimeout(timer);
  }, [annotationId, loaded]);

  // One stable object for the cards, reading the latest closures through a ref.
  const latest = useRef({ makeCode: toolbar.makeCode, actions, quote, onOpenNote });
  latest.current = { makeCode: toolbar.makeCode, actions, quote, onOpenNote };
  const cardActions = useMemo<CardActions>(
    () => ({
      onSelect: (annotation) => select(annotation),
      onColor: (annotation, color) => void latest.current.actions.update(annotation, { color }),
      onToggleCode: (annotation, code, on) => void latest.current.actions.update(annotation, on ? { addCodes: [code] } : { removeCodes: [code] }),
      onCreateCode: (annotation, name) => void latest.current.makeCode(name, annotation),
      onComment: (annotation, comment) => void latest.current.actions.update(annotation, { comment }),
      onResolve: (annotation, action) => void latest.current.actions.resolve(annotation, action),
      onDelete: (annotation) => void latest.current.actions.remove(annotation),
      onStartAttach: (annotation) => {
        setAttaching(annotation);
        body.current?.focus();
      },
      onOpenExternal,
      onQuote: (annotation, target) => void latest.current.quote(annotation, target),
      onOpenCitation: (place) => latest.current.onOpenNote(place.noteId, place.index),
      onDragStart: (annotation, event) => {
        event.dataTransfer.setData(PASSAGE_TYPE, JSON.stringify({ sourceId: id, annotationId: annotation }));
        event.dataTransfer.effectAllowed = 'copy';
      },
    }),
    [select, onOpenExternal, id],
  );

  useEffect(() => {
    if (!attaching) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setAttaching(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [attaching]);

  if (error) return <div className="centre-message" role="alert">{error}</div>;
  if (!loaded) return <div className="centre-message" aria-busy="true" />;
  const { source } = loaded;
  const byline = [source.container ?? source.publisher, source.authors.join('; '), formatDate(source.published, language)].filter(Boolean);
  const onBodyClick = (event: MouseEvent) => {
    const mark = (event.target as HTMLElement).closest('mark[data-annotations]');
    if (!mark || !window.getSelection()?.isCollapsed || !article.current) return;
    const ids = (mark.getAttribute('data-annotations') ?? '').split(' ');
    const clicked = ids.filter((id) => id !== SELECTION_ID).pop();
    if (!clicked) return;
    select(clicked);
    const entry = entries.find((e) => e.annotation.id === clicked);
    if (!readOnly && entry && entry.anchor.state !== 'orphan') setPending({ range: { start: entry.anchor.start, end: entry.anchor.end }, box: boxWithin(article.current, mark.getBoundingClientRect()), annotationId: clicked, panel: 'main' });
  };

  // Selected words dragged into a note: the passage goes with what it is, so the note can cite it.
  const onBodyDrag = (event: DragEvent) => {
    const selected = body.current && !readOnly ? selectedBodyRange(body.current) : null;
    if (!selected) return;
    const { start, end } = selected.range;
    const same = entries.find((e) => e.anchor.state === 'anchored' && e.anchor.start === start && e.anchor.end === end);
    const passage = same ? { sourceId: id, annotationId: same.annotation.id } : { sourceId: id, sourceRevision: source.revision, start, end };
    event.dataTransfer.setData(PASSAGE_TYPE, JSON.stringify(passage));
  };

  return (
    <div className="reader-layout">
      <div className="reader-scroll">
      <article className="reader" ref={article} lang={source.language}>
        <header className="reader-header">
          <p className="kind-label">
            <Icon name="source" /> {t('reader.source')}
          </p>
          <h1>{source.title}</h1>
          {byline.length > 0 && <p className="byline">{byline.join(' · ')}</p>}
          {!source.published && <p className="byline muted">{t('reader.noDate')}</p>}
          <TrimBanner source={source} readOnly={readOnly} trim={trim} />
          <div className="reader-actions">
            {source.url && (
              <button type="button" className="link-button" onClick={() => onOpenExternal(source.url as string)} title={source.url}>
                <Icon name="external" /> {hostOf(source.url)}
              </button>
            )}
            {citingPlaces.length > 0 && <CitedIn places={citingPlaces} shown={showCiting} onToggle={() => setShowCiting((v) => !v)} onOpen={(place) => onOpenNote(place.noteId, place.index)} />}
            {!readOnly && (
              <button type="button" className="link-button danger-text" onClick={() => onDelete(source.title)}>
                <Icon name="trash" /> {t('reader.delete')}
              </button>
            )}
          </div>
          {!readOnly && <p className="reader-hint muted">{t('annotation.hint')}</p>}
        </header>
        {attaching && (
          <div className="attach-banner" role="status">
            <span>{t('annotation.attach.prompt', { quote: shortQuote(readableQuote(loaded.annotations.annotations.find((a) => a.id === attaching)?.quote.exact ?? ''), 60) })}</span>
            <button type="button" className="link-button" onClick={() => setAttaching(null)}>
              {t('common.cancel')}
            </button>
          </div>
        )}
        <div className="reader-body" ref={body} tabIndex={0} aria-label={t('annotation.bodyLabel')} onClick={onBodyClick} onDragStart={onBodyDrag} {...(readOnly ? {} : bodyHandlers)}>
          <ReaderBody paragraphs={paragraphs} colors={markColors} focusedId={annotationId} trim={trim.paragraphTrim} />
        </div>
        {pending && !readOnly && (
          <SelectionToolbar
            box={pending.box}
            containerWidth={article.current?.clientWidth ?? 600}
            colors={colors}
            color={toolbar.current?.color}
            codes={codes}
            selectedCodes={toolbar.current?.codes ?? []}
            comment={toolbar.current?.comment ?? ''}
            panel={pending.panel}
            onPanel={(panel) => setPending((p) => (p ? { ...p, panel } : p))}
            onColor={(color) => void toolbar.color(color)}
            onToggleCode={(codeId) => void toolbar.toggleCode(codeId)}
            onCreateCode={(name) => void toolbar.makeCode(name)}
            onComment={(comment) => void toolbar.saveComment(comment)}
            onCommentDraft={(text) => {
              toolbar.draft.current = text;
            }}
            onCopy={() => void toolbar.copy()}
            onQuote={(target) =>
              void toolbar.ensure().then(async (made) => {
                if (made && (await quote(made, target))) setPending(null);
              })
            }
            onClose={() => setPending(null)}
            onAttach={
              attaching
                ? () =>
                    void actions.attach(attaching, pending.range.start, pending.range.end).then((ok) => {
                      if (!ok) return;
                      setPending(null);
                      setAttaching(null);
                      select(attaching);
                    })
                : undefined
            }
          />
        )}
      </article>
      </div>
      {toast}
      <AnnotationPane citedIn={cited?.annotations} entries={entries} quoteLanguage={source.language} focusedId={annotationId} colors={colors} codes={codes} readOnly={readOnly} actions={cardActions} onVisible={setVisible} />
    </div>
  );
}

/** The selection drawn as a passage while the toolbar's field has the focus; never an annotation's id (they have no "_"). */
const SELECTION_ID = '_selection';
const SELECTION_COLOR = '#7aa7ff';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
