import type lunrType from 'lunr';
import { setupLunr } from './lunr-setup.ts';

/**
 * A shard's Lunr index in a compact text form, and a Lunr index that reads it lazily.
 *
 * Lunr's own JSON repeats every document reference in every posting (about 2.5× the text it
 * indexes) and `Index.load` turns it into millions of objects before the first query. No library
 * stores Lunr indexes otherwise, so this does, by hand: references are numbered once, postings
 * are lists of numbers, vector weights are Lunr's own thousandths. The index handed back is a real
 * `lunr.Index` whose postings and field vectors are decoded the first time a query needs them.
 */

const FORMAT = 'carnet-lunr-1';

interface Compact {
  format: typeof FORMAT;
  lunr: string;
  fields: string[];
  pipeline: string[];
  refs: string[];
  /** Sorted: a term's position is its index in the vector space. */
  terms: string[];
  /** Per term: for each field (`;` between fields), the documents holding it, as base-36 gaps. */
  postings: string[];
  /** Per document and field (row-major): the field vector, `gap:weight` pairs in base 36 (weight in thousandths). */
  vectors: string[];
  /** Lunr's token set (the automaton that expands wildcards and fuzzy terms), already minimised: see encodeTokenSet. */
  tokenSet: { final: string; chars: string[]; targets: string[] };
}

interface TokenSetNode {
  final: boolean;
  edges: Record<string, TokenSetNode>;
}

/**
 * Rebuilding the token set from the terms (as `Index.load` does) is most of the time a stored
 * index takes to load; storing the minimised automaton itself, node by node, makes it a copy.
 */
function encodeTokenSet(root: TokenSetNode): Compact['tokenSet'] {
  const ids = new Map<TokenSetNode, number>([[root, 0]]);
  const order = [root];
  const out: Compact['tokenSet'] = { final: '', chars: [], targets: [] };
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    const chars = Object.keys(node.edges);
    const targets = chars.map((char) => {
      const child = node.edges[char]!;
      let id = ids.get(child);
      if (id === undefined) {
        id = order.length;
        ids.set(child, id);
        order.push(child);
      }
      return id.toString(36);
    });
    out.final += node.final ? '1' : '0';
    out.chars.push(chars.join(''));
    out.targets.push(targets.join(','));
  }
  return out;
}

/**
 * The token set's nodes are made when a query walks into them: a query visits a handful of the
 * hundreds of thousands of nodes a large shard has.
 */
function decodeTokenSet(lunr: typeof lunrType, stored: Compact['tokenSet']): lunrType.TokenSet {
  const nodes: TokenSetNode[] = [];
  const proto = Object.create(lunr.TokenSet.prototype, {
    edges: {
      get(this: TokenSetNode & { at: number }) {
        const edges: Record<string, TokenSetNode> = {};
        const chars = stored.chars[this.at] ?? '';
        const targets = chars ? (stored.targets[this.at] ?? '').split(',') : [];
        for (let c = 0; c < chars.length; c++) edges[chars[c]!] = node(parseInt(targets[c] ?? '', 36));
        Object.defineProperty(this, 'edges', { value: edges, writable: true, enumerable: true });
        return edges;
      },
      set(this: object, value: Record<string, TokenSetNode>) {
        Object.defineProperty(this, 'edges', { value, writable: true, enumerable: true });
      },
    },
  }) as object;
  const node = (at: number): TokenSetNode => {
    let made = nodes[at];
    if (!made) {
      const flag = stored.final[at];
      if (flag === undefined) throw new Error('The stored token set is damaged.');
      made = Object.create(proto) as TokenSetNode & { at: number };
      (made as TokenSetNode & { at: number }).at = at;
      made.final = flag === '1';
      nodes[at] = made;
    }
    return made;
  };
  return node(0) as unknown as lunrType.TokenSet;
}

interface SerializedIndex {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown> & { _index: number }][];
  pipeline: string[];
}

const gaps = (numbers: number[]): string => {
  let previous = 0;
  return numbers
    .map((n) => {
      const gap = (n - previous).toString(36);
      previous = n;
      return gap;
    })
    .join(',');
};

function fromGaps(text: string): number[] {
  if (text === '') return [];
  const out: number[] = [];
  let value = 0;
  for (const part of text.split(',')) {
    value += parseInt(part, 36);
    out.push(value);
  }
  return out;
}

export function encodeIndex(index: lunrType.Index): string {
  const json = index.toJSON() as unknown as SerializedIndex;
  const refs: string[] = [];
  const ordinal = new Map<string, number>();
  for (const [fieldRef] of json.fieldVectors) {
    const ref = fieldRef.slice(fieldRef.indexOf('/') + 1);
    if (!ordinal.has(ref)) {
      ordinal.set(ref, refs.length);
      refs.push(ref);
    }
  }
  const sorted = json.invertedIndex.map(([term]) => term).sort();
  const position = new Map(sorted.map((term, i) => [term, i]));
  const renumber = new Map(json.invertedIndex.map(([term, posting]) => [posting._index, position.get(term)!]));
  const byTerm = new Map(json.invertedIndex);
  const postings = sorted.map((term) => {
    const posting = byTerm.get(term)!;
    return json.fields
      .map((field) => {
        const docs = Object.keys((posting[field] as Record<string, unknown> | undefined) ?? {}).map((ref) => ordinal.get(ref) ?? -1);
        if (docs.includes(-1)) throw new Error(`The index lists a document it has no vector for (term "${term}").`);
        return gaps(docs.sort((a, b) => a - b));
      })
      .join(';');
  });
  const vectors = new Array<string>(refs.length * json.fields.length).fill('');
  const fieldNumber = new Map(json.fields.map((field, i) => [field, i]));
  for (const [fieldRef, elements] of json.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = fieldNumber.get(fieldRef.slice(0, slash));
    const doc = ordinal.get(fieldRef.slice(slash + 1));
    if (field === undefined || doc === undefined) throw new Error(`The index has a vector for an unknown field: ${fieldRef}.`);
    const pairs: [number, number][] = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([renumber.get(elements[i]!)!, Math.round(elements[i + 1]! * 1000)]);
    pairs.sort((a, b) => a[0] - b[0]);
    let previous = 0;
    vectors[doc * json.fields.length + field] = pairs
      .map(([term, weight]) => {
        const gap = term - previous;
        previous = term;
        return `${gap.toString(36)}:${weight.toString(36)}`;
      })
      .join(',');
  }
  const tokenSet = encodeTokenSet((index as unknown as { tokenSet: TokenSetNode }).tokenSet);
  const compact: Compact = { format: FORMAT, lunr: json.version, fields: json.fields, pipeline: json.pipeline, refs, terms: sorted, postings, vectors, tokenSet };
  return JSON.stringify(compact);
}

function vectorElements(text: string): number[] {
  if (text === '') return [];
  const parts = text.split(',');
  const elements = new Array<number>(parts.length * 2);
  let term = 0;
  parts.forEach((pair, i) => {
    const colon = pair.indexOf(':');
    term += parseInt(pair.slice(0, colon), 36);
    elements[2 * i] = term;
    elements[2 * i + 1] = parseInt(pair.slice(colon + 1), 36) / 1000;
  });
  if (elements.some(Number.isNaN)) throw new Error('The stored index is damaged (a vector is unreadable).');
  return elements;
}

/** A lunr.Vector whose elements are decoded when first used. */
function lazyVectorPrototype(lunr: typeof lunrType): object {
  return Object.create(lunr.Vector.prototype, {
    elements: {
      get(this: { encoded: string }) {
        const elements = vectorElements(this.encoded);
        Object.defineProperty(this, 'elements', { value: elements, writable: true, enumerable: true });
        return elements;
      },
      set(this: object, value: number[]) {
        Object.defineProperty(this, 'elements', { value, writable: true, enumerable: true });
      },
    },
  }) as object;
}

let vectorPrototype: object | null = null;

function isCompact(value: unknown): value is Compact {
  const v = value as Partial<Compact> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === FORMAT &&
    [v.fields, v.pipeline, v.refs, v.terms, v.postings, v.vectors].every(Array.isArray) &&
    v.terms!.length === v.postings!.length &&
    v.vectors!.length === v.refs!.length * v.fields!.length &&
    typeof v.tokenSet?.final === 'string' &&
    Array.isArray(v.tokenSet.chars) &&
    Array.isArray(v.tokenSet.targets) &&
    v.tokenSet.final.length > 0 &&
    v.tokenSet.chars.length === v.tokenSet.final.length &&
    v.tokenSet.targets.length === v.tokenSet.final.length
  );
}

/** Throws when the text is not an index in this format (the shard is then rebuilt). */
export function decodeIndex(text: string): lunrType.Index {
  const lunr = setupLunr();
  const compact: unknown = JSON.parse(text);
  if (!isCompact(compact)) throw new Error('This is not a Carnet search index in the current format.');
  if (compact.lunr !== lunr.version) throw new Error(`This index was made by Lunr ${compact.lunr}, not ${lunr.version}.`);
  const { fields, refs, terms, postings } = compact;
  const position = new Map<string, number>();
  terms.forEach((term, i) => position.set(term, i));
  const decoded = new Map<string, object>();
  const invertedIndex = new Proxy(Object.create(null) as Record<string, object>, {
    get(_target, term) {
      if (typeof term !== 'string') return undefined;
      let posting = decoded.get(term);
      if (posting) return posting;
      const at = position.get(term);
      if (at === undefined) return undefined;
      const perField = postings[at]!.split(';');
      const built: Record<string, unknown> = { _index: at };
      fields.forEach((field, i) => {
        const docs: Record<string, object> = {};
        for (const doc of fromGaps(perField[i] ?? '')) {
          const ref = refs[doc];
          if (ref === undefined) throw new Error('The stored index is damaged (a posting names no document).');
          docs[ref] = {};
        }
        built[field] = docs;
      });
      posting = built;
      decoded.set(term, posting);
      return posting;
    },
  });
  vectorPrototype ??= lazyVectorPrototype(lunr);
  const fieldVectors: Record<string, lunrType.Vector> = {};
  refs.forEach((ref, doc) => {
    fields.forEach((field, i) => {
      const vector = Object.create(vectorPrototype) as lunrType.Vector & { encoded: string; _magnitude: number };
      vector.encoded = compact.vectors[doc * fields.length + i]!;
      vector._magnitude = 0;
      fieldVectors[`${field}/${ref}`] = vector;
    });
  });
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: decodeTokenSet(lunr, compact.tokenSet),
    fields,
    pipeline: lunr.Pipeline.load(compact.pipeline),
  } as unknown as ConstructorParameters<typeof lunr.Index>[0]);
}
