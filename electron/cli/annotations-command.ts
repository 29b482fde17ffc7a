import { CarnetError } from '../core/carnet-error.ts';
import { annotationStates, shortQuote, type AnnotationState, type AnnotationStateEntry } from '../vault/annotation-states.ts';
import { foldName } from '../vault/text-fold.ts';
import type { Vault } from '../vault/vault.ts';
import type { Code } from '../vault/vault-schemas.ts';
import type { CliIo } from './carnet.ts';

/**
 * `carnet annotations`: the coded passages of the vault, with where each stands against its source's
 * current text; `carnet codes`: the code tree, each with its passages counted, sub-codes included.
 */

const STATES: readonly AnnotationState[] = ['anchored', 'needs-review', 'orphan'];

export interface AnnotationFilters {
  codes: string[];
  source: string | undefined;
  state: string | undefined;
}

export interface PublicAnnotation {
  id: string;
  source: string;
  quote: string;
  comment: string;
  codes: string[];
  color?: string;
  state: AnnotationState;
}

export function runAnnotations(vault: Vault, filters: AnnotationFilters, json: boolean, io: CliIo): number {
  if (filters.state !== undefined && !STATES.includes(filters.state as AnnotationState)) {
    throw new CarnetError('invalid-input', '--state takes anchored, needs-review or orphan.');
  }
  const codes = vault.codebook().codes;
  const byId = new Map(codes.map((c) => [c.id, c]));
  const wanted = filters.codes.map((name) => {
    const key = foldName(name.trim());
    const matching = codes.filter((c) => foldName(c.name) === key || c.id === name.trim());
    if (key === '' || matching.length === 0) throw new CarnetError('invalid-input', `No code is named "${name}". Run "carnet codes --vault DIR" for the list.`);
    // A code stands for its sub-codes too, as in `carnet codes`' counts.
    const ids = new Set(matching.map((c) => c.id));
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of codes) {
        if (c.parent !== undefined && ids.has(c.parent) && !ids.has(c.id)) {
          ids.add(c.id);
          grew = true;
        }
      }
    }
    return ids;
  });
  if (filters.source !== undefined && !vault.listSources().some((s) => s.id === filters.source)) {
    throw new CarnetError('invalid-input', `No source has the id "${filters.source}".`);
  }
  const entries = annotationStates(vault).filter(
    (entry) =>
      (filters.source === undefined || entry.sourceId === filters.source) &&
      (filters.state === undefined || entry.result.state === filters.state) &&
      wanted.every((ids) => entry.annotation.codes.some((c) => ids.has(c))),
  );
  const annotations = entries.map((entry) => publicAnnotation(entry, byId));
  if (json) {
    io.out(JSON.stringify(annotations, null, 2));
    return 0;
  }
  io.out(annotations.length === 0 ? 'No annotations.' : `${annotations.length} annotation${annotations.length === 1 ? '' : 's'}:`);
  for (const a of annotations) {
    const coded = a.codes.length ? ` [${a.codes.join(', ')}]` : '';
    const comment = a.comment.trim() ? ` — ${shortQuote(a.comment, 60)}` : '';
    io.out(`  ${a.state.padEnd(12)} ${a.source} ${a.id}: "${shortQuote(a.quote)}"${coded}${comment}`);
  }
  return 0;
}

function publicAnnotation(entry: AnnotationStateEntry, byId: Map<string, Code>): PublicAnnotation {
  const { annotation } = entry;
  const codes = annotation.codes.map((id) => byId.get(id)?.name ?? id);
  // Annotations carry no colour of their own: they show in their first known code's.
  // The highlight's own colour; an annotation without one shows in its first code's colour, as in the reader.
  const color = annotation.color ?? annotation.codes.map((id) => byId.get(id)?.color).find((c) => c !== undefined);
  return { id: annotation.id, source: entry.sourceId, quote: annotation.quote.exact, comment: annotation.comment, codes, ...(color ? { color } : {}), state: entry.result.state };
}

export interface CodeNode {
  id: string;
  name: string;
  color: string;
  /** Passages coded with this code itself. */
  own: number;
  /** Passages coded with this code or any of its sub-codes, each passage once. */
  passages: number;
  children: CodeNode[];
}

/** The codebook as a tree; a code whose parent is missing (or a cycle) is shown at the top level. */
export function codeTree(vault: Vault): CodeNode[] {
  const codes = vault.codebook().codes;
  const ids = new Set(codes.map((c) => c.id));
  const parentOf = new Map(codes.map((c) => [c.id, c.parent !== undefined && ids.has(c.parent) ? c.parent : undefined]));
  // Break cycles: walking up from a code must not come back to it.
  for (const code of codes) {
    const seen = new Set<string>([code.id]);
    for (let up = parentOf.get(code.id); up !== undefined; up = parentOf.get(up)) {
      if (seen.has(up)) {
        parentOf.set(code.id, undefined);
        break;
      }
      seen.add(up);
    }
  }
  const annotations = vault.listSources().flatMap((s) => vault.listAnnotations(s.id).annotations.map((a) => ({ key: `${s.id}\u0000${a.id}`, codes: a.codes })));
  const build = (code: Code): CodeNode => {
    const children = codes.filter((c) => parentOf.get(c.id) === code.id).map(build).sort(byName);
    const subtree = new Set<string>([code.id]);
    const collect = (node: CodeNode): void => {
      subtree.add(node.id);
      node.children.forEach(collect);
    };
    children.forEach(collect);
    const own = annotations.filter((a) => a.codes.includes(code.id)).length;
    const passages = annotations.filter((a) => a.codes.some((c) => subtree.has(c))).length;
    return { id: code.id, name: code.name, color: code.color, own, passages, children };
  };
  return codes.filter((c) => parentOf.get(c.id) === undefined).map(build).sort(byName);
}

function byName(a: CodeNode, b: CodeNode): number {
  return foldName(a.name).localeCompare(foldName(b.name)) || a.id.localeCompare(b.id);
}

export function runCodes(vault: Vault, json: boolean, io: CliIo): number {
  const tree = codeTree(vault);
  if (json) {
    io.out(JSON.stringify(tree, null, 2));
    return 0;
  }
  if (tree.length === 0) {
    io.out('No codes.');
    return 0;
  }
  const print = (node: CodeNode, depth: number): void => {
    const sub = node.passages !== node.own ? ` (${node.own} directly)` : '';
    io.out(`${'  '.repeat(depth + 1)}${node.name}  ${node.color} — ${node.passages} passage${node.passages === 1 ? '' : 's'}${sub}`);
    for (const child of node.children) print(child, depth + 1);
  };
  for (const node of tree) print(node, 0);
  return 0;
}
