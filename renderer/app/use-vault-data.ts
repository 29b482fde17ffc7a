import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, onEvent } from '../api-client.ts';
import type { CodeSummary, NoteSummary, SourceSummary, VaultInfo } from '../../electron/api.ts';

export interface VaultData {
  info: VaultInfo | null;
  sources: SourceSummary[];
  notes: NoteSummary[];
  codes: CodeSummary[];
  error: string | null;
  /** Bumped on every change event, so open views can reload what they show. */
  revision: number;
}

const empty: VaultData = { info: null, sources: [], notes: [], codes: [], error: null, revision: 0 };

/** The lists of the open vault, reloaded whenever the vault reports a change (ours or a hand edit). */
export function useVaultData(vaultInfo: VaultInfo | null): VaultData & { reload: () => Promise<void> } {
  const [data, setData] = useState<VaultData>(empty);

  const reload = useCallback(async () => {
    if (!vaultInfo) {
      setData(empty);
      return;
    }
    try {
      const [info, sources, notes, codes] = await Promise.all([api.vaultInfo({}), api.listSources({}), api.listNotes({}), api.listCodes({})]);
      setData((previous) => ({ info, sources, notes, codes, error: null, revision: previous.revision + 1 }));
    } catch (error) {
      setData((previous) => ({ ...previous, error: errorMessage(error) }));
    }
  }, [vaultInfo]);

  useEffect(() => {
    void reload();
    let pending: number | null = null;
    // A sync tool can touch hundreds of files at once: gather the events into one reload.
    const off = onEvent('vaultChanged', () => {
      if (pending !== null) return;
      pending = window.setTimeout(() => {
        pending = null;
        void reload();
      }, 60);
    });
    return () => {
      off();
      if (pending !== null) window.clearTimeout(pending);
    };
  }, [reload]);

  return { ...data, reload };
}
