import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { citationOf, copyCitation } from './citation-copy.ts';
import type { AnnotationActions } from './use-annotation-actions.ts';
import type { Pending } from './use-selection-toolbar.ts';
import type { Annotation, CodeSummary, SourceDetail } from '../../electron/api.ts';

interface PendingOptions {
  pending: Pending | null;
  setPending: Dispatch<SetStateAction<Pending | null>>;
  source: SourceDetail | undefined;
  annotations: Annotation[];
  defaultColor: string | undefined;
  actions: AnnotationActions;
  /** Says that something was done (a toast); failures are the actions' to report. */
  onDone: (text: string) => void;
  onCodeMade: (code: CodeSummary) => void;
}

/**
 * What the selection toolbar does. A selection becomes an annotation on the first thing that needs
 * one (a colour, a code, a saved comment, a citation), once: clicks made while it is being created
 * wait for the same creation instead of making a second annotation.
 */
export function usePendingAnnotation({ pending, setPending, source, annotations, defaultColor, actions, onDone, onCodeMade }: PendingOptions) {
  const { t, language } = useI18n();
  const creating = useRef<{ key: string; made: Promise<string | null> } | null>(null);
  /** The comment being typed in the toolbar, saved if the user clicks away instead of pressing Esc. */
  const draft = useRef<string | null>(null);

  const ensure = useCallback(
    (color?: string): Promise<string | null> => {
      if (!pending) return Promise.resolve(null);
      if (pending.annotationId) return Promise.resolve(pending.annotationId);
      const key = `${pending.range.start}:${pending.range.end}`;
      if (creating.current?.key !== key) {
        const made = actions.create(pending.range.start, pending.range.end, { color: color ?? defaultColor }).then((id) => {
          if (id) {
            setPending((p) => (p && `${p.range.start}:${p.range.end}` === key ? { ...p, annotationId: id } : p));
            window.getSelection()?.removeAllRanges();
          }
          return id;
        });
        creating.current = { key, made };
      }
      return creating.current.made;
    },
    [pending, setPending, actions, defaultColor],
  );

  const current = pending?.annotationId ? annotations.find((a) => a.id === pending.annotationId) : undefined;

  const color = async (chosen: string) => {
    if (pending?.annotationId) {
      await actions.update(pending.annotationId, { color: chosen });
      return;
    }
    // A creation already under way (a code was picked first) was started with another colour.
    const underWay = pending !== null && creating.current?.key === `${pending.range.start}:${pending.range.end}`;
    const id = await ensure(chosen);
    if (id && underWay) await actions.update(id, { color: chosen });
  };
  const toggleCode = async (codeId: string) => {
    const id = await ensure();
    if (!id) return;
    await actions.update(id, current?.codes.includes(codeId) ? { removeCodes: [codeId] } : { addCodes: [codeId] });
  };
  const makeCode = async (name: string, target?: string) => {
    const code = await actions.createCode(name);
    if (!code) return;
    onCodeMade(code);
    const id = target ?? (await ensure());
    if (id) await actions.update(id, { addCodes: [code.id] });
  };
  const saveComment = async (comment: string) => {
    draft.current = null;
    setPending((p) => (p ? { ...p, panel: 'main' } : p));
    if (comment === (current?.comment ?? '')) return;
    const id = await ensure();
    if (id) await actions.update(id, { comment });
  };
  const copy = async () => {
    if (!pending || !source) return;
    const existed = pending.annotationId !== null;
    const id = await ensure();
    if (!id) return;
    const exact = current?.quote.exact ?? source.body.slice(pending.range.start, pending.range.end);
    const copied = copyCitation(citationOf(source, { id, quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } }, formatDate(source.published, language)));
    onDone(!copied ? t('annotation.copyFailed') : existed ? t('annotation.copied') : t('annotation.copiedAndHighlighted'));
  };
  /** A click outside the toolbar: what was typed in the comment is kept, then the toolbar closes. */
  const dismiss = useCallback(() => {
    const typed = draft.current;
    draft.current = null;
    if (typed !== null && typed.trim() !== '' && pending?.panel === 'comment') {
      void ensure().then((id) => (id ? actions.update(id, { comment: typed }) : false));
    }
    setPending(null);
  }, [pending, ensure, actions, setPending]);

  return { current, ensure, color, toggleCode, makeCode, saveComment, copy, dismiss, draft };
}
