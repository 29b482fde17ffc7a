import type { CodeSummary } from '../../electron/api.ts';

/** The codebook as a tree: parents first, children under them, each level sorted by name. */

export interface TreeRow {
  code: CodeSummary;
  depth: number;
}

/** Every code once, in tree order; codes caught in a parent cycle (a hand edit) come last, at the top level. */
export function codeTree(codes: CodeSummary[], language: string): TreeRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | undefined, CodeSummary[]>();
  for (const code of [...codes].sort((a, b) => collator.compare(a.name, b.name))) {
    const key = code.parent && ids.has(code.parent) ? code.parent : undefined;
    children.set(key, [...(children.get(key) ?? []), code]);
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
  return rows;
}

/** The ids of a code's sub-codes, at any depth (not the code itself). */
export function descendantsOf(codes: CodeSummary[], id: string): Set<string> {
  const found = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const current = queue.shift();
    for (const code of codes) {
      if (code.parent === current && !found.has(code.id) && code.id !== id) {
        found.add(code.id);
        queue.push(code.id);
      }
    }
  }
  return found;
}

/** True when putting `id` under `parent` would make a code its own ancestor. */
export function makesCycle(codes: CodeSummary[], id: string, parent: string | null): boolean {
  if (!parent) return false;
  return parent === id || descendantsOf(codes, id).has(parent);
}

/** `Regional cooperation › Ministerial meetings`: where a code sits in the tree. */
export function codePath(codes: CodeSummary[], id: string): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code = byId.get(id); code && !seen.has(code.id); code = code.parent ? byId.get(code.parent) : undefined) {
    seen.add(code.id);
    names.unshift(code.name);
  }
  return names.join(' › ');
}

/** The first colour of the palette no code uses yet (or the least used one). */
export function unusedColour(codes: CodeSummary[], palette: readonly string[]): string {
  const uses = new Map(palette.map((colour) => [colour, 0]));
  for (const code of codes) {
    const key = code.color.toLowerCase();
    if (uses.has(key)) uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  return [...uses.entries()].sort((a, b) => a[1] - b[1])[0]?.[0] ?? palette[0] ?? '#2563eb';
}

export const CODE_PALETTE = ['#2563eb', '#9333ea', '#d97706', '#059669', '#dc2626', '#db2777', '#0891b2', '#65a30d', '#4f46e5', '#78716c'] as const;
