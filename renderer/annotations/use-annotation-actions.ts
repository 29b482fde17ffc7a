import { useCallback } from 'react';
import { api, errorMessage } from '../api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { AnnotationList, CodeSummary } from '../../electron/api.ts';

/** What a card or the toolbar changes on an annotation; codes are added and removed, never rewritten whole from a stale list. */
export interface AnnotationChangeRequest {
  color?: string;
  addCodes?: string[];
  removeCodes?: string[];
  comment?: string;
}

export interface AnnotationActions {
  create: (start: number, end: number, change: { color?: string; codes?: string[]; comment?: string }) => Promise<string | null>;
  update: (id: string, change: AnnotationChangeRequest) => Promise<boolean>;
  resolve: (id: string, action: 'accept' | 'detach') => Promise<void>;
  attach: (id: string, start: number, end: number) => Promise<boolean>;
  remove: (id: string) => Promise<void>;
  createCode: (name: string) => Promise<CodeSummary | null>;
}

/**
 * What the reader does to annotations, each a single call that the Node side applies to the file as
 * it is on disk. Results show at once; failures are said in the user's words and nothing is lost.
 */
export function useAnnotationActions(sourceId: string, sourceRevision: string | undefined, show: (list: AnnotationList) => void, notice: (text: string) => void, done: (text: string) => void): AnnotationActions {
  const { t } = useI18n();
  const fail = useCallback((failure: unknown) => notice(errorMessage(failure)), [notice]);

  const create = useCallback<AnnotationActions['create']>(
    async (start, end, change) => {
      if (!sourceRevision) return null;
      try {
        const list = await api.createAnnotation({ sourceId, sourceRevision, start, end, ...change });
        show(list);
        return list.id;
      } catch (failure) {
        fail(failure);
        return null;
      }
    },
    [sourceId, sourceRevision, show, fail],
  );
  const update = useCallback<AnnotationActions['update']>(
    async (id, change) => {
      try {
        show(await api.updateAnnotation({ sourceId, id, ...change }));
        return true;
      } catch (failure) {
        fail(failure);
        return false;
      }
    },
    [sourceId, show, fail],
  );
  const resolve = useCallback<AnnotationActions['resolve']>(
    async (id, action) => {
      try {
        show(await api.resolveAnchor({ sourceId, id, action }));
      } catch (failure) {
        fail(failure);
      }
    },
    [sourceId, show, fail],
  );
  const attach = useCallback<AnnotationActions['attach']>(
    async (id, start, end) => {
      if (!sourceRevision) return false;
      try {
        show(await api.resolveAnchor({ sourceId, id, action: 'attach', start, end, sourceRevision }));
        done(t('annotation.attached'));
        return true;
      } catch (failure) {
        fail(failure);
        return false;
      }
    },
    [sourceId, sourceRevision, show, fail, done, t],
  );
  const remove = useCallback<AnnotationActions['remove']>(
    async (id) => {
      try {
        await api.deleteAnnotation({ sourceId, id });
        show(await api.listAnnotations({ sourceId }));
        done(t('annotation.deleted'));
      } catch (failure) {
        fail(failure);
      }
    },
    [sourceId, show, fail, done, t],
  );
  const createCode = useCallback<AnnotationActions['createCode']>(
    async (name) => {
      try {
        return await api.createCode({ name });
      } catch (failure) {
        fail(failure);
        return null;
      }
    },
    [fail],
  );
  return { create, update, resolve, attach, remove, createCode };
}
