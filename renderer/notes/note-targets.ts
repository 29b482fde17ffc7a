import { foldForMatch } from '../i18n/i18n.tsx';
import type { NoteSummary, SourceSummary } from '../../electron/api.ts';

/** What a `[[link]]` or the `[[` menu can point at. */
export interface LinkTarget {
  kind: 'note' | 'source';
  id: string;
  title: string;
  /** Other names the target answers to: a note's aliases and slug. */
  names: string[];
}

/** Case- and accent-insensitive form: "Hà Nội" and "ha noi" are one name, as a researcher types them. */
export function foldName(text: string): string {
  return foldForMatch(text).replace(/\s+/g, ' ').trim();
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
  const wanted = foldName(query);
  if (wanted === '') return targets.slice(0, limit);
  const scored: { target: LinkTarget; score: number }[] = [];
  for (const target of targets) {
    const score = Math.max(...[target.title, ...target.names].map((name) => matchScore(wanted, foldName(name))));
    if (score > 0) scored.push({ target, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.target.title.localeCompare(b.target.title)).slice(0, limit).map((entry) => entry.target);
}

function matchScore(wanted: string, name: string): number {
  if (name.startsWith(wanted)) return 4;
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))) return 3;
  if (name.includes(wanted)) return 2;
  // Letters in order, as fuzzy finders do ("cmtl" finds "COMMIT timeline").
  let at = 0;
  for (const char of name) if (char === wanted[at]) at++;
  return at === wanted.length ? 1 : 0;
}
