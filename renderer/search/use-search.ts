import { useEffect, useState } from 'react';
import { api, errorMessage, onEvent } from '../api-client.ts';
import type { SearchQuery, SearchResults, SearchStatus } from '../../electron/api.ts';

const EMPTY: SearchResults = { hits: [], total: 0, counts: { source: 0, note: 0, annotation: 0 } };

/**
 * Runs the query as it is typed (debounced, newest answer wins) and again when the vault changes,
 * so results never lag behind an edit.
 */
export function useSearch(query: SearchQuery, revision: number): { results: SearchResults; error: string | null; busy: boolean } {
  const [results, setResults] = useState<SearchResults>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!query.text.trim()) {
      setResults(EMPTY);
      setError(null);
      return;
    }
    let live = true;
    setBusy(true);
    const timer = window.setTimeout(() => {
      api.search(query).then(
        (found) => {
          if (!live) return;
          setResults(found);
          setError(found.error ?? null);
          setBusy(false);
        },
        (failure: unknown) => {
          if (!live) return;
          setError(errorMessage(failure));
          setBusy(false);
        },
      );
    }, 90);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  return { results, error, busy };
}

/** The index's state: building (with progress) or ready. */
export function useSearchStatus(): SearchStatus | null {
  const [status, setStatus] = useState<SearchStatus | null>(null);
  useEffect(() => {
    let live = true;
    api.searchStatus({}).then((s) => live && setStatus(s), () => undefined);
    const off = onEvent('searchStatus', setStatus);
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}
