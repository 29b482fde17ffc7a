import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import type { AnnotationList, SourceDetail } from '../../electron/api.ts';

export interface LoadedSource {
  source: SourceDetail;
  annotations: AnnotationList;
}

/**
 * A source and its annotations, reloaded when the vault changes (`revision`). `setAnnotations`
 * shows at once what an edit returned, without waiting for the change event's round trip.
 */
export function useSource(id: string, revision: number, withAnnotations = true): { loaded: LoadedSource | null; error: string | null; setAnnotations: (list: AnnotationList) => void } {
  const [loaded, setLoaded] = useState<LoadedSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The details pane needs no annotations: placing a thousand of them is work for the reader's request only.
    const annotations = withAnnotations ? api.listAnnotations({ sourceId: id }) : Promise.resolve<AnnotationList>({ sourceId: id, annotations: [], anchors: [], revision: null });
    Promise.all([api.getSource({ id }), annotations]).then(
      ([source, annotations]) => {
        if (!live) return;
        setLoaded({ source, annotations });
        setError(null);
      },
      (failure: unknown) => {
        if (!live) return;
        setLoaded(null);
        setError(errorMessage(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [id, revision, withAnnotations]);
  const setAnnotations = useCallback((list: AnnotationList) => setLoaded((current) => (current && current.source.id === list.sourceId ? { ...current, annotations: list } : current)), []);
  return { loaded: loaded?.source.id === id ? loaded : null, error, setAnnotations };
}
