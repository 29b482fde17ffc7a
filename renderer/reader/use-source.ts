import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api-client.ts';
import type { AnnotationList, CodeSummary, SourceDetail } from '../../electron/api.ts';

export interface LoadedSource {
  source: SourceDetail;
  annotations: AnnotationList;
}

/** A source and its annotations, reloaded when the vault changes (`revision`). */
export function useSource(id: string, revision: number): { loaded: LoadedSource | null; error: string | null } {
  const [loaded, setLoaded] = useState<LoadedSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.getSource({ id }), api.listAnnotations({ sourceId: id })]).then(
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
  }, [id, revision]);
  return { loaded: loaded?.source.id === id ? loaded : null, error };
}

export function codeColor(codes: CodeSummary[], ids: string[]): string | undefined {
  for (const id of ids) {
    const code = codes.find((c) => c.id === id);
    if (code) return code.color;
  }
  return undefined;
}
