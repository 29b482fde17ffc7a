import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Paragraph } from './body-segments.ts';
import type { SourceDetail } from '../../electron/api.ts';

export type TrimKind = 'this' | 'toStart' | 'toEnd';

/** What the paragraphs' ⋯ menus need (renderer/reader/trim-menu.tsx). */
export interface ParagraphTrim {
  count: number;
  disabled: boolean;
  onRemove: (kind: TrimKind, index: number) => void;
}

export interface TrimActions {
  /** The source is flagged `extraction: uncertain`. */
  flagged: boolean;
  /** Trimming is offered: flagged, no annotations, not read-only. */
  offered: boolean;
  annotated: boolean;
  busy: boolean;
  canUndo: boolean;
  /** The last thing done, for the status line (with Undo after a removal). */
  status: { text: string; n: number; undo: boolean } | null;
  paragraphTrim: ParagraphTrim | undefined;
  undo: () => void;
  restoreWhole: () => void;
  markChecked: () => void;
}

/** [from, to) of the body for a removal: whole paragraphs, `to` the start of the next one kept or the body's end. */
export function removalRange(paragraphs: Paragraph[], bodyLength: number, kind: TrimKind, index: number): { from: number; to: number } | null {
  const here = paragraphs[index];
  if (!here) return null;
  const after = paragraphs[index + 1]?.start ?? bodyLength;
  if (kind === 'this') return { from: here.start, to: after };
  if (kind === 'toStart') return { from: 0, to: after };
  return { from: here.start, to: bodyLength };
}

/**
 * Trimming a capture imported whole. Each removal is written at once (the body it replaces is kept
 * in the source's history on the Node side) and can be undone, one step at a time; "Restore the
 * whole capture" puts back the body as imported; "Done trimming" clears the flag.
 */
export function useTrim(source: SourceDetail | undefined, annotationCount: number, paragraphs: Paragraph[], readOnly: boolean, onNotice: (text: string) => void): TrimActions {
  const { t } = useI18n();
  const [undoStack, setUndoStack] = useState<string[]>([]);
  const [status, setStatus] = useState<TrimActions['status']>(null);
  const [running, setRunning] = useState(false);
  /** The revision an edit returned, until the reader shows it: offsets into the old body would cut the wrong words. */
  const [awaiting, setAwaiting] = useState<string | null>(null);
  const id = source?.id;
  const revision = source?.revision;
  useEffect(() => {
    setUndoStack([]);
    setStatus(null);
  }, [id]);
  useEffect(() => setAwaiting(null), [revision]);
  const live = useRef({ source, paragraphs });
  live.current = { source, paragraphs };

  const flagged = source?.extraction === 'uncertain';
  const annotated = annotationCount > 0;
  const offered = flagged && !annotated && !readOnly;
  const busy = running || (awaiting !== null && awaiting !== revision);

  const run = useCallback(
    async (task: (current: SourceDetail) => Promise<{ revision: string; text: string; undo?: boolean }>) => {
      const current = live.current.source;
      if (!current) return;
      setRunning(true);
      try {
        const done = await task(current);
        if (done.revision !== current.revision) setAwaiting(done.revision);
        setStatus((previous) => ({ text: done.text, n: (previous?.n ?? 0) + 1, undo: done.undo ?? false }));
      } catch (error) {
        onNotice(errorMessage(error));
      } finally {
        setRunning(false);
      }
    },
    [onNotice],
  );

  const remove = useCallback(
    (kind: TrimKind, index: number) =>
      void run(async (current) => {
        const range = removalRange(live.current.paragraphs, current.body.length, kind, index);
        if (!range) throw new Error('?');
        const result = await api.trimSource({ id: current.id, baseRevision: current.revision, ...range });
        setUndoStack((stack) => [...stack, result.version]);
        return { revision: result.source.revision, text: t('trim.removed', { count: result.removed }), undo: true };
      }),
    [run, t],
  );

  const undo = useCallback(
    () =>
      void run(async (current) => {
        const version = undoStack[undoStack.length - 1];
        if (!version) return { revision: current.revision, text: '' };
        const restored = await api.restoreSourceBody({ id: current.id, baseRevision: current.revision, version });
        setUndoStack((stack) => stack.slice(0, -1));
        return { revision: restored.revision, text: t('trim.undone') };
      }),
    [run, t, undoStack],
  );

  const restoreWhole = useCallback(
    () =>
      void run(async (current) => {
        const restored = await api.restoreSourceBody({ id: current.id, baseRevision: current.revision });
        setUndoStack([]);
        return { revision: restored.revision, text: t('trim.restored') };
      }),
    [run, t],
  );

  const markChecked = useCallback(
    () =>
      void run(async (current) => {
        const checked = await api.markExtractionChecked({ id: current.id, baseRevision: current.revision });
        setUndoStack([]);
        return { revision: checked.revision, text: t('trim.marked') };
      }),
    [run, t],
  );

  const count = paragraphs.length;
  const paragraphTrim = useMemo<ParagraphTrim | undefined>(() => (offered ? { count, disabled: busy, onRemove: remove } : undefined), [offered, count, busy, remove]);
  return { flagged, offered, annotated, busy, canUndo: undoStack.length > 0, status, paragraphTrim, undo, restoreWhole, markChecked };
}
