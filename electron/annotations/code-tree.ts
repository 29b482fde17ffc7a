import type { Code } from '../vault/vault-schemas.ts';

/**
 * The codebook as a tree. A code counts for its parent and every ancestor (a passage coded
 * "Hanoi" is one of "Places"); a parent that is missing, or a loop written by hand, must not
 * hang a walk or lose a code, so every walk stops where it has been before.
 */
export class CodeTree {
  private readonly parents = new Map<string, string>();
  private readonly children = new Map<string, string[]>();
  private readonly upward = new Map<string, readonly string[]>();

  constructor(codes: readonly Pick<Code, 'id' | 'parent'>[]) {
    const known = new Set(codes.map((c) => c.id));
    for (const code of codes) {
      // A parent the codebook does not hold makes the code a root, as the CLI shows it.
      if (code.parent === undefined || !known.has(code.parent) || code.parent === code.id) continue;
      this.parents.set(code.id, code.parent);
      const siblings = this.children.get(code.parent) ?? [];
      siblings.push(code.id);
      this.children.set(code.parent, siblings);
    }
  }

  parentOf(id: string): string | undefined {
    return this.parents.get(id);
  }

  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /** The code, its parent, its parent's parent… (memoized: the matrix asks for each passage's codes). */
  ancestorsOrSelf(id: string): readonly string[] {
    const known = this.upward.get(id);
    if (known) return known;
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = this.parents.get(at)) {
      seen.add(at);
      chain.push(at);
    }
    this.upward.set(id, chain);
    return chain;
  }

  /** The code and all its sub-codes, at any depth. */
  descendantsOrSelf(id: string): Set<string> {
    const found = new Set<string>([id]);
    const queue = [id];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const child of this.childrenOf(next)) {
        if (found.has(child)) continue;
        found.add(child);
        queue.push(child);
      }
    }
    return found;
  }

  /** Every code a passage counts for: its own (even ones the codebook lacks) and all their ancestors. */
  expand(codes: readonly string[]): Set<string> {
    const all = new Set<string>();
    for (const code of codes) for (const up of this.ancestorsOrSelf(code)) all.add(up);
    return all;
  }
}
