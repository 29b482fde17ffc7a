import { foldName, rankByName } from '../app/fuzzy-rank.ts';

export { foldName };
import type { NoteSummary, SourceSummary } from '../../electron/api.ts';

/** What a `[[link]]` or the `[[` menu can point at. */
export interface LinkTarget {
  kind: 'note' | 'source';
  id: string;
  title: string;
  /** Other names the target answers to: a note's aliases and slug. */
  names: string[];
}

export function noteTarget(note: NoteSummary & { aliases?: string[] }): LinkTarget {
  return { kind: 'note', id: note.id, title: note.title, names: [...(note.aliases ?? []), note.slug] };
}

export function sourceTarget(source: SourceSummary): LinkTarget {
  return { kind: 'source', id: source.id, title: source.title, names: [] };
}

/** The note a `[[target]]` names: by title first, then alias or file name, like Obsidian. */
export function resolveLink(target: string, notes: LinkTarget[]): LinkTarget | null {
  const wanted = foldName(target.replace(/\.md$/i, ''));
  return notes.find((note) => foldName(note.title) === wanted) ?? notes.find((note) => note.names.some((name) => foldName(name) === wanted)) ?? null;
}

/** Targets ranked for what was typed after `[[`: prefix matches first, then words in order, then scattered letters. */
export function rankTargets(query: string, targets: LinkTarget[], limit = 8): LinkTarget[] {
  return rankByName(query, targets, (target) => [target.title, ...target.names], limit);
}
