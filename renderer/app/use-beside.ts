import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Place } from './navigation.ts';

/** What can stand beside the main pane: a note to write in, or a source to read. */
export type BesidePlace = Extract<Place, { kind: 'note' } | { kind: 'source' }>;

const RATIO_KEY = 'carnet.splitRatio';
const MIN_RATIO = 0.25;
const MAX_RATIO = 0.75;

function besideKey(vaultRoot: string): string {
  return `carnet.beside:${vaultRoot}`;
}

function readBeside(vaultRoot: string | undefined): BesidePlace | null {
  if (!vaultRoot) return null;
  try {
    const stored = JSON.parse(localStorage.getItem(besideKey(vaultRoot)) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) return null;
    const { kind, id } = stored as { kind?: unknown; id?: unknown };
    return (kind === 'note' || kind === 'source') && typeof id === 'string' ? { kind, id } : null;
  } catch {
    return null;
  }
}

export function clampRatio(ratio: number): number {
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
}

/**
 * The split view's state: what is open beside the main pane and how wide the main pane is. The
 * layout is remembered per vault (what was beside) and for the window (the width), as an editor
 * remembers its panes.
 */
export function useBeside(vaultRoot: string | undefined) {
  const [beside, setBesideState] = useState<BesidePlace | null>(() => readBeside(vaultRoot));
  const [ratio, setRatioState] = useState(() => clampRatio(Number(localStorage.getItem(RATIO_KEY)) || 0.5));

  useEffect(() => setBesideState(readBeside(vaultRoot)), [vaultRoot]);

  const setBeside = useCallback(
    (place: BesidePlace | null) => {
      // Only what names the item is kept: a search's words or a flash are for the moment.
      const kept = place ? ({ kind: place.kind, id: place.id } as BesidePlace) : null;
      // Beside, the words of the search that found it would stay highlighted for as long as it is open.
      setBesideState(place && 'find' in place ? (({ find: _find, ...rest }) => rest)(place) : place);
      if (!vaultRoot) return;
      if (kept) localStorage.setItem(besideKey(vaultRoot), JSON.stringify(kept));
      else localStorage.removeItem(besideKey(vaultRoot));
    },
    [vaultRoot],
  );
  const setRatio = useCallback((next: number) => {
    const clamped = clampRatio(next);
    setRatioState(clamped);
    localStorage.setItem(RATIO_KEY, String(clamped));
  }, []);

  // One object while nothing changes: the window's shortcut and menu handlers depend on it.
  return useMemo(() => ({ beside, setBeside, ratio, setRatio }), [beside, setBeside, ratio, setRatio]);
}
