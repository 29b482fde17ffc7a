import { useEffect, useState } from 'react';
import { api } from '../api-client.ts';
import type { CitedIn } from '../../electron/api.ts';

/** The notes citing a source and each of its passages, read again whenever the vault changes. */
export function useCitedIn(sourceId: string, revision: number): CitedIn | null {
  const [cited, setCited] = useState<CitedIn | null>(null);
  useEffect(() => {
    let live = true;
    api.citedIn({ sourceId }).then(
      (value) => live && setCited(value),
      // No counts is better than an error over the reader: the citations report says what is wrong.
      () => live && setCited(null),
    );
    return () => {
      live = false;
    };
  }, [sourceId, revision]);
  return cited;
}
