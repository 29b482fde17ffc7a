import type { Citation, CitationState } from '../../electron/api.ts';

/** The report's order: what needs the researcher's eye comes before what is fine. */
export const STATE_ORDER: readonly CitationState[] = ['changed', 'missing', 'needs-review', 'verified'];
export const PROBLEM_STATES: readonly CitationState[] = ['changed', 'missing', 'needs-review'];

const rank = new Map(STATE_ORDER.map((state, at) => [state, at]));
const stateRank = (state: CitationState): number => rank.get(state) ?? STATE_ORDER.length;

export interface CitationFilter {
  /** Empty or absent: every state. */
  states?: readonly CitationState[] | undefined;
  noteId?: string | undefined;
  sourceId?: string | undefined;
}

export interface NoteGroup {
  noteId: string;
  noteTitle: string;
  citations: Citation[];
  counts: Record<CitationState, number>;
}

export function emptyCounts(): Record<CitationState, number> {
  return { changed: 0, missing: 0, 'needs-review': 0, verified: 0 };
}

export function countStates(citations: readonly Citation[]): Record<CitationState, number> {
  const counts = emptyCounts();
  for (const citation of citations) counts[citation.state] += 1;
  return counts;
}

/** The note and source filters only: the state toggles show their counts within what these leave. */
export function inScope(citations: readonly Citation[], filter: CitationFilter): Citation[] {
  if (!filter.noteId && !filter.sourceId) return [...citations];
  return citations.filter((c) => (!filter.noteId || c.noteId === filter.noteId) && (!filter.sourceId || c.sourceId === filter.sourceId));
}

export function withStates(citations: readonly Citation[], states: readonly CitationState[] | undefined): Citation[] {
  if (!states || states.length === 0) return [...citations];
  const wanted = new Set(states);
  return citations.filter((c) => wanted.has(c.state));
}

/** "Problems only" is exactly the three problem states toggled on, so the toggles and it never disagree. */
export function isProblemsOnly(states: readonly CitationState[] | undefined): boolean {
  return !!states && states.length === PROBLEM_STATES.length && PROBLEM_STATES.every((state) => states.includes(state));
}

/**
 * By note: notes with the worst citations first (then by title), and in a note its problems first,
 * then in the order the note has them.
 */
export function groupByNote(citations: readonly Citation[], collator: Intl.Collator): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const citation of citations) {
    let group = groups.get(citation.noteId);
    if (!group) {
      group = { noteId: citation.noteId, noteTitle: citation.noteTitle, citations: [], counts: emptyCounts() };
      groups.set(citation.noteId, group);
    }
    group.citations.push(citation);
    group.counts[citation.state] += 1;
  }
  const worst = (group: NoteGroup) => Math.min(...STATE_ORDER.map((state, at) => (group.counts[state] > 0 ? at : STATE_ORDER.length)));
  const sorted = [...groups.values()].sort((a, b) => worst(a) - worst(b) || collator.compare(a.noteTitle, b.noteTitle));
  for (const group of sorted) group.citations.sort((a, b) => stateRank(a.state) - stateRank(b.state) || a.index - b.index);
  return sorted;
}

export interface Choice {
  id: string;
  label: string;
  count: number;
}

/** The notes that cite, and the sources cited, for the two selects: by name, with how many citations. */
export function choicesOf(citations: readonly Citation[], collator: Intl.Collator, missingSource: string): { notes: Choice[]; sources: Choice[] } {
  const notes = new Map<string, Choice>();
  const sources = new Map<string, Choice>();
  for (const c of citations) {
    const note = notes.get(c.noteId);
    if (note) note.count += 1;
    else notes.set(c.noteId, { id: c.noteId, label: c.noteTitle, count: 1 });
    const source = sources.get(c.sourceId);
    if (source) source.count += 1;
    else sources.set(c.sourceId, { id: c.sourceId, label: c.source?.title ?? `${missingSource} (${c.sourceId})`, count: 1 });
  }
  const byLabel = (a: Choice, b: Choice) => collator.compare(a.label, b.label);
  return { notes: [...notes.values()].sort(byLabel), sources: [...sources.values()].sort(byLabel) };
}

/** A long quote cut at a word near `max` characters, so a row stays one or two lines. */
export function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.…]+$/, '')}…`;
}
