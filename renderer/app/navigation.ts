/** What the centre pane shows, and the back/forward history over it (like a browser's). */

export type Place =
  | { kind: 'home' }
  | { kind: 'source'; id: string; annotationId?: string; find?: string[] }
  /** A note not yet written: `id` is a key for the editor until the first keystroke creates the file; `key` keeps the editor across that change. */
  /** `citation`: which of the note's citations to scroll to and flash (in order from 0), as the Citations report opens it. */
  | { kind: 'note'; id: string; find?: string[]; draft?: true; key?: string; citation?: number }
  | { kind: 'noteHistory'; id: string }
  | { kind: 'code'; id: string }
  /** Coded passages: those with every code of `all`, one of `any` (when given) and none of `none`; optionally in one source. */
  | { kind: 'passages'; all: string[]; any: string[]; none: string[]; sourceId?: string }
  /** Codes × sources: how many passages each code has in each source. */
  | { kind: 'matrix' }
  /** Codes × codes: how often two codes meet on a passage; `a` and `b` when a cell is open. */
  | { kind: 'cooccurrence'; a?: string; b?: string }
  | { kind: 'trash' }
  | { kind: 'problems' }
  /** Every citation of the vault's notes with its state; narrowed to some states, a note, a source. */
  | { kind: 'citations'; states?: ('verified' | 'changed' | 'needs-review' | 'missing')[]; noteId?: string; sourceId?: string };

export interface History {
  entries: Place[];
  index: number;
}

export const initialHistory: History = { entries: [{ kind: 'home' }], index: 0 };

export type HistoryAction = { type: 'go'; place: Place } | { type: 'replace'; place: Place } | { type: 'back' } | { type: 'forward' } | { type: 'reset' } | { type: 'drop'; kind: 'source' | 'note'; id: string };

const MAX_ENTRIES = 100;

export function samePlace(a: Place, b: Place): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function historyReducer(history: History, action: HistoryAction): History {
  switch (action.type) {
    case 'go': {
      const current = history.entries[history.index];
      if (current && samePlace(current, action.place)) return history;
      const entries = [...history.entries.slice(0, history.index + 1), action.place].slice(-MAX_ENTRIES);
      return { entries, index: entries.length - 1 };
    }
    case 'replace': {
      const entries = [...history.entries];
      entries[history.index] = action.place;
      return { ...history, entries };
    }
    case 'back':
      return history.index > 0 ? { ...history, index: history.index - 1 } : history;
    case 'forward':
      return history.index < history.entries.length - 1 ? { ...history, index: history.index + 1 } : history;
    case 'reset':
      return initialHistory;
    case 'drop': {
      // A deleted item leaves the history, so back never lands on "not found".
      const keep = history.entries.map((p) => !('id' in p && (p.kind === action.kind || (action.kind === 'note' && p.kind === 'noteHistory')) && p.id === action.id));
      const entries = history.entries.filter((_, i) => keep[i]);
      const before = keep.slice(0, history.index + 1).filter(Boolean).length - 1;
      return entries.length ? { entries, index: Math.max(0, Math.min(before, entries.length - 1)) } : initialHistory;
    }
  }
}

export function currentPlace(history: History): Place {
  return history.entries[history.index] ?? { kind: 'home' };
}

/** `carnet://source/<id>#<annotation-id>` and `carnet://note/<id>`: the links notes use to cite. */
export function placeFromCarnetUrl(href: string): Place | null {
  const match = /^carnet:\/\/(source|note)\/([A-Za-z0-9_-]+)(?:#([A-Za-z0-9_-]+))?$/.exec(href);
  if (!match) return null;
  const [, kind, id, annotationId] = match as unknown as [string, 'source' | 'note', string, string | undefined];
  return kind === 'source' ? { kind, id, ...(annotationId ? { annotationId } : {}) } : { kind, id };
}
