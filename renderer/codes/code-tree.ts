import { foldForMatch } from '../i18n/i18n.tsx';
import type { CodeSummary } from '../../electron/api.ts';

/**
 * The codebook as a tree: parents first, children under them, each level sorted by name.
 *
 * A codebook may hold thousands of codes, and every view asks the same questions of it (its tree,
 * a code's path, a code's sub-codes): the answers are worked out once per list of codes (the list
 * the vault hands over is replaced, never changed, on every reload) and kept with it.
 */

export interface TreeRow {
  code: CodeSummary;
  depth: number;
}

interface CodeIndex {
  byId: Map<string, CodeSummary>;
  /** Each code's direct sub-codes, in the codebook's order (a parent that is not in the codebook included). */
  children: Map<string, CodeSummary[]>;
  trees: Map<string, TreeRow[]>;
  paths: Map<string, string>;
  folded: Map<string, string>;
}

const indexes = new WeakMap<readonly CodeSummary[], CodeIndex>();

function indexOf(codes: readonly CodeSummary[]): CodeIndex {
  let index = indexes.get(codes);
  if (!index) {
    const byId = new Map<string, CodeSummary>();
    const children = new Map<string, CodeSummary[]>();
    for (const code of codes) {
      byId.set(code.id, code);
      if (code.parent === undefined) continue;
      const siblings = children.get(code.parent);
      if (siblings) siblings.push(code);
      else children.set(code.parent, [code]);
    }
    index = { byId, children, trees: new Map(), paths: new Map(), folded: new Map() };
    indexes.set(codes, index);
  }
  return index;
}

/** The codes by id. */
export function codesById(codes: readonly CodeSummary[]): ReadonlyMap<string, CodeSummary> {
  return indexOf(codes).byId;
}

/** Every code once, in tree order; codes caught in a parent cycle (a hand edit) come last, at the top level. */
export function codeTree(codes: readonly CodeSummary[], language: string): TreeRow[] {
  const index = indexOf(codes);
  const cached = index.trees.get(language);
  if (cached) return cached;
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const children = new Map<string | undefined, CodeSummary[]>();
  for (const code of [...codes].sort((a, b) => collator.compare(a.name, b.name))) {
    const key = code.parent && index.byId.has(code.parent) ? code.parent : undefined;
    const siblings = children.get(key);
    if (siblings) siblings.push(code);
    else children.set(key, [code]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (key: string | undefined, depth: number) => {
    for (const code of children.get(key) ?? []) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      rows.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(undefined, 0);
  for (const code of codes) if (!seen.has(code.id)) rows.push({ code, depth: 0 });
  index.trees.set(language, rows);
  return rows;
}

/** The ids of a code's sub-codes, at any depth (not the code itself). */
export function descendantsOf(codes: readonly CodeSummary[], id: string): Set<string> {
  const { children } = indexOf(codes);
  const found = new Set<string>();
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const code of children.get(queue[i] as string) ?? []) {
      if (!found.has(code.id) && code.id !== id) {
        found.add(code.id);
        queue.push(code.id);
      }
    }
  }
  return found;
}

/** True when putting `id` under `parent` would make a code its own ancestor. */
export function makesCycle(codes: readonly CodeSummary[], id: string, parent: string | null): boolean {
  if (!parent) return false;
  if (parent === id) return true;
  // Up from the new parent: reaching `id` means the parent is one of its sub-codes.
  const { byId } = indexOf(codes);
  const seen = new Set<string>();
  for (let code = byId.get(parent); code && !seen.has(code.id); code = code.parent ? byId.get(code.parent) : undefined) {
    if (code.id === id) return true;
    seen.add(code.id);
  }
  return false;
}

/** `Regional cooperation › Ministerial meetings`: where a code sits in the tree. */
export function codePath(codes: readonly CodeSummary[], id: string): string {
  const index = indexOf(codes);
  const cached = index.paths.get(id);
  if (cached !== undefined) return cached;
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code = index.byId.get(id); code && !seen.has(code.id); code = code.parent ? index.byId.get(code.parent) : undefined) {
    seen.add(code.id);
    names.push(code.name);
  }
  const path = names.reverse().join(' › ');
  index.paths.set(id, path);
  return path;
}

/** A code's path folded for matching (accents and case aside), worked out once. */
export function foldedCodePath(codes: readonly CodeSummary[], id: string): string {
  const index = indexOf(codes);
  let folded = index.folded.get(id);
  if (folded === undefined) {
    folded = foldForMatch(codePath(codes, id));
    index.folded.set(id, folded);
  }
  return folded;
}

/** The first colour of the palette no code uses yet (or the least used one). */
export function unusedColour(codes: readonly CodeSummary[], palette: readonly string[]): string {
  const uses = new Map(palette.map((colour) => [colour, 0]));
  for (const code of codes) {
    const key = code.color.toLowerCase();
    if (uses.has(key)) uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  return [...uses.entries()].sort((a, b) => a[1] - b[1])[0]?.[0] ?? palette[0] ?? '#2563eb';
}

export const CODE_PALETTE = ['#2563eb', '#9333ea', '#d97706', '#059669', '#dc2626', '#db2777', '#0891b2', '#65a30d', '#4f46e5', '#78716c'] as const;
