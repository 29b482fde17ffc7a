import { useEffect, useState } from 'react';
import { api } from '../api-client.ts';

/**
 * How many citations are changed or missing, for the sidebar's warning: asked only for those two
 * states, so a vault of sound citations sends nothing back, and asked again when the vault changes.
 */
export function useCitationWarnings(revision: number, open: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.listCitations({ states: ['changed', 'missing'] }).then(
      (found) => live && setCount(found.length),
      // A count that cannot be had is no warning: the report itself shows the error.
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [revision, open]);
  return open ? count : 0;
}
