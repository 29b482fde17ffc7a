import type lunrType from 'lunr';
import { setupLunr } from './lunr-setup.ts';

/**
 * A shard's Lunr index in a compact text form, and the reader that answers Lunr queries from it.
 *
 * Lunr's own JSON repeats every document reference in every posting (about 2.5× the text it
 * indexes), `Index.load` turns it into millions of objects before the first query, and
 * `Index.query` allocates several objects per matching document, so a common word costs tens of
 * milliseconds. No library stores or reads Lunr indexes otherwise, so this does, by hand:
 * references are numbered once, each posting carries its document's weight for the term (Lunr's
 * own BM25 weight, to Lunr's thousandths), and a query is parsed, analysed and expanded by Lunr
 * itself (QueryParser, the index's search pipeline, TokenSet) and scored here exactly as
 * `lunr.Index.prototype.query` scores it (lunr 2.3.9), over typed arrays.
 */

const FORMAT = 'carnet-lunr-2';

interface Compact {
  format: typeof FORMAT;
  lunr: string;
  fields: string[];
  pipeline: string[];
  refs: string[];
  /** Sorted: a term's position is its index in the query vectors. */
  terms: string[];
  /** Per term: for each field (`;` between fields), `gap:weight` pairs in base 36 — document number gaps, weight in thousandths. */
  postings: string[];
  /** Lunr's token set (the automaton that expands wildcards and fuzzy terms), already minimised: see encodeTokenSet. */
  tokenSet: { final: string; chars: string[]; targets: string[] };
}

interface SerializedIndex {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown> & { _index: number }][];
  pipeline: string[];
}

interface TokenSetNode {
  final: boolean;
  edges: Record<string, TokenSetNode>;
}

export function encodeIndex(index: lunrType.Index): string {
  const json = index.toJSON() as unknown as SerializedIndex;
  const refs: string[] = [];
  const ordinal = new Map<string, number>();
  // Every document has a vector for every field: they name the documents, and hold the weights.
  const weights = json.fields.map(() => [] as Map<number, number>[]);
  const fieldNumber = new Map(json.fields.map((field, i) => [field, i]));
  for (const [fieldRef, elements] of json.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const ref = fieldRef.slice(slash + 1);
    const field = fieldNumber.get(fieldRef.slice(0, slash));
    if (field === undefined) throw new Error(`The index has a vector for an unknown field: ${fieldRef}.`);
    if (!ordinal.has(ref)) {
      ordinal.set(ref, refs.length);
      refs.push(ref);
    }
    const byTerm = new Map<number, number>();
    for (let i = 0; i < elements.length; i += 2) byTerm.set(elements[i]!, elements[i + 1]!);
    weights[field]![ordinal.get(ref)!] = byTerm;
  }
  const sorted = json.invertedIndex.map(([term]) => term).sort();
  const byTerm = new Map(json.invertedIndex);
  const postings = sorted.map((term) => {
    const posting = byTerm.get(term)!;
    return json.fields
      .map((field, f) => {
        const docs = Object.keys((posting[field] as Record<string, unknown> | undefined) ?? {})
          .map((ref) => ordinal.get(ref) ?? -1)
          .sort((a, b) => a - b);
        let previous = 0;
        return docs
          .map((doc) => {
            const weight = weights[f]![doc]?.get(posting._index);
            if (doc === -1 || weight === undefined) throw new Error(`The index lists a document without its weight (term "${term}").`);
            const gap = doc - previous;
            previous = doc;
            return `${gap.toString(36)}:${Math.round(weight * 1000).toString(36)}`;
          })
          .join(',');
      })
      .join(';');
  });
  const tokenSet = encodeTokenSet((index as unknown as { tokenSet: TokenSetNode }).tokenSet);
  const compact: Compact = { format: FORMAT, lunr: json.version, fields: json.fields, pipeline: json.pipeline, refs, terms: sorted, postings, tokenSet };
  return JSON.stringify(compact);
}

/**
 * Rebuilding the token set from the terms (as `Index.load` does) would be most of the time a
 * stored shard takes to load; storing the minimised automaton itself, node by node, makes it a copy.
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
      if (flag === undefined) throw new DamagedIndexError('a token set edge leads nowhere');
      made = Object.create(proto) as TokenSetNode & { at: number };
      (made as TokenSetNode & { at: number }).at = at;
      made.final = flag === '1';
      nodes[at] = made;
    }
    return made;
  };
  return node(0) as unknown as lunrType.TokenSet;
}

/** A stored shard that passed its checks at load but turns out unreadable when a query reaches into it. */
export class DamagedIndexError extends Error {
  constructor(what: string) {
    super(`The stored search index is damaged (${what}).`);
    this.name = 'DamagedIndexError';
  }
}

function isCompact(value: unknown): value is Compact {
  const v = value as Partial<Compact> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === FORMAT &&
    [v.fields, v.pipeline, v.refs, v.terms, v.postings].every(Array.isArray) &&
    v.terms!.length === v.postings!.length &&
    typeof v.tokenSet?.final === 'string' &&
    Array.isArray(v.tokenSet.chars) &&
    Array.isArray(v.tokenSet.targets) &&
    v.tokenSet.final.length > 0 &&
    v.tokenSet.chars.length === v.tokenSet.final.length &&
    v.tokenSet.targets.length === v.tokenSet.final.length
  );
}

/** The documents holding a term in one field, and their weights for it. */
interface FieldPosting {
  docs: Int32Array;
  weights: Float64Array;
}

/** Documents of a shard as a membership array; `null` stands for Lunr's complete set. */
type DocSet = Uint8Array | null;

export interface ShardHit {
  /** The document's number in the shard (`reader.refs[doc]` is its reference). */
  doc: number;
  score: number;
  /** The share of the query's (not prohibited) clauses the document matches, from 0 to 1. */
  coverage: number;
}

export interface ShardAnswer {
  hits: ShardHit[];
  /** The index terms the query matched in one field of a document (for highlighting). */
  termsOf(doc: number, field: string): string[];
}

/** The parts of Lunr used here that its type definitions leave out. */
interface Clause {
  term: string;
  fields: string[];
  boost: number;
  usePipeline: boolean;
  presence: number;
}
interface LunrInternals {
  QueryParser: new (text: string, query: lunrType.Query) => { parse(): void };
  TokenSet: { fromClause(clause: Clause): lunrType.TokenSet };
}
type RunString = (text: string, metadata?: object) => string[];

export class ShardReader {
  readonly refs: string[];
  readonly fields: string[];
  private readonly terms: string[];
  private readonly postings: string[];
  private readonly position = new Map<string, number>();
  private readonly decoded = new Map<number, FieldPosting[]>();
  private readonly tokenSet: lunrType.TokenSet;
  private readonly pipeline: lunrType.Pipeline;

  /** Throws when the text is not an index in this format (the shard is then rebuilt). */
  constructor(text: string) {
    const lunr = setupLunr();
    const compact: unknown = JSON.parse(text);
    if (!isCompact(compact)) throw new Error('This is not a Carnet search index in the current format.');
    if (compact.lunr !== lunr.version) throw new Error(`This index was made by Lunr ${compact.lunr}, not ${lunr.version}.`);
    this.refs = compact.refs;
    this.fields = compact.fields;
    this.terms = compact.terms;
    this.postings = compact.postings;
    compact.terms.forEach((term, i) => this.position.set(term, i));
    this.tokenSet = decodeTokenSet(lunr, compact.tokenSet);
    this.pipeline = lunr.Pipeline.load(compact.pipeline);
  }

  private posting(at: number): FieldPosting[] {
    let posting = this.decoded.get(at);
    if (posting) return posting;
    const perField = (this.postings[at] ?? '').split(';');
    posting = this.fields.map((_field, f) => {
      const text = perField[f] ?? '';
      if (text === '') return { docs: new Int32Array(0), weights: new Float64Array(0) };
      const pairs = text.split(',');
      const docs = new Int32Array(pairs.length);
      const weights = new Float64Array(pairs.length);
      let doc = 0;
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        const colon = pair.indexOf(':');
        doc += parseInt(pair.slice(0, colon), 36);
        const weight = parseInt(pair.slice(colon + 1), 36);
        if (!(doc >= 0 && doc < this.refs.length) || Number.isNaN(weight)) throw new DamagedIndexError(`a posting of "${this.terms[at]}" is unreadable`);
        docs[i] = doc;
        weights[i] = weight / 1000;
      }
      return { docs, weights };
    });
    this.decoded.set(at, posting);
    return posting;
  }

  /** Lunr's document frequency of a term here: documents holding it, counted once per field (as `lunr.idf` counts). */
  documentFrequency(term: string): number {
    const at = this.position.get(term);
    if (at === undefined) return 0;
    const decoded = this.decoded.get(at);
    if (decoded) return decoded.reduce((sum, field) => sum + field.docs.length, 0);
    // Without decoding the posting: one `gap:weight` pair per document and field.
    const text = this.postings[at] ?? '';
    let count = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 58 /* : */) count++;
    return count;
  }

  private idf(at: number): number {
    return lunrIdf(this.documentFrequency(this.terms[at]!), this.refs.length);
  }

  /**
   * Answers a query written in Lunr's syntax, as `lunr.Index.prototype.search` would: same
   * matches (required, prohibited, field-scoped, boosted, wildcard and fuzzy clauses), same scores.
   * Throws lunr.QueryParseError for a query that cannot be read.
   */
  search(text: string, globalIdf?: (term: string) => number): ShardAnswer {
    const lunr = setupLunr();
    const internals = lunr as unknown as LunrInternals;
    const { REQUIRED, PROHIBITED } = lunr.Query.presence;
    const query = new lunr.Query(this.fields);
    // lunr-languages folds wildcard terms for the pipelines that need it, looking the pipeline up here.
    (query as lunrType.Query & { _lunrLanguagesSearchPipeline?: lunrType.Pipeline })._lunrLanguagesSearchPipeline = this.pipeline;
    new internals.QueryParser(text, query).parse();
    const clauses = query.clauses as unknown as Clause[];
    const size = this.refs.length;
    const fieldCount = this.fields.length;
    const fieldOf = new Map(this.fields.map((field, f) => [field, f]));
    // Query vectors: per field, term position → summed boosts (Lunr's `upsert` with addition).
    const queryVectors = this.fields.map(() => new Map<number, number>());
    const required: (DocSet | undefined)[] = new Array(fieldCount).fill(undefined);
    const prohibited: (Uint8Array | undefined)[] = new Array(fieldCount).fill(undefined);
    // Which clauses each document matches (one bit each, for the first 32), for `coverage`.
    const clauseBits = new Uint32Array(size);
    const scoredClauses = Math.min(32, clauses.filter((clause) => clause.presence !== PROHIBITED).length);
    let clauseBit = 0;
    for (const clause of clauses) {
      const bit = clause.presence !== PROHIBITED && clauseBit < 32 ? 1 << clauseBit++ : 0;
      const clauseFields = clause.fields.map((field) => fieldOf.get(field)).filter((f): f is number => f !== undefined);
      const terms = clause.usePipeline ? (this.pipeline.runString as RunString).call(this.pipeline, clause.term, { fields: clause.fields }) : [clause.term];
      const clauseMatches = clause.presence === REQUIRED ? new Uint8Array(size) : null;
      for (const term of terms) {
        clause.term = term;
        const expanded = this.tokenSet.intersect(internals.TokenSet.fromClause(clause)).toArray();
        if (expanded.length === 0 && clause.presence === REQUIRED) {
          for (const f of clauseFields) required[f] = new Uint8Array(size);
          break;
        }
        for (const expandedTerm of expanded) {
          const at = this.position.get(expandedTerm);
          if (at === undefined) throw new DamagedIndexError(`the token set holds "${expandedTerm}", which has no posting`);
          const posting = this.posting(at);
          for (const f of clauseFields) {
            const { docs } = posting[f]!;
            if (clauseMatches) {
              for (const doc of docs) clauseMatches[doc] = 1;
              if (required[f] === undefined) required[f] = null;
            }
            if (clause.presence === PROHIBITED) {
              const set = (prohibited[f] ??= new Uint8Array(size));
              for (const doc of docs) set[doc] = 1;
              continue;
            }
            const vector = queryVectors[f]!;
            vector.set(at, (vector.get(at) ?? 0) + clause.boost);
            if (bit) for (const doc of docs) clauseBits[doc]! |= bit;
          }
        }
      }
      if (clauseMatches) for (const f of clauseFields) required[f] = intersect(required[f] ?? null, clauseMatches);
    }

    let allRequired: DocSet = null;
    let allProhibited: Uint8Array | null = null;
    for (let f = 0; f < fieldCount; f++) {
      const req = required[f];
      if (req !== undefined) allRequired = intersect(allRequired, req);
      const pro = prohibited[f];
      if (pro) {
        allProhibited ??= new Uint8Array(size);
        for (let d = 0; d < size; d++) if (pro[d]) allProhibited[d] = 1;
      }
    }

    // Scores: per field, the dot product of the query vector with the document's field vector over
    // the query vector's magnitude, summed over fields; terms in ascending order, as Lunr adds them.
    const matched = new Uint8Array(size);
    const scores = new Float64Array(size);
    const fieldTerms: number[][] = [];
    // Weights carry this shard's idf; across shards, the vault's own makes scores comparable. Once per term, whatever its fields.
    const rescales = new Map<number, number>();
    const rescaleOf = (at: number): number => {
      let rescale = rescales.get(at);
      if (rescale === undefined) {
        rescale = globalIdf ? globalIdf(this.terms[at]!) / this.idf(at) : 1;
        rescales.set(at, rescale);
      }
      return rescale;
    };
    for (let f = 0; f < fieldCount; f++) {
      const entries = [...queryVectors[f]!].sort((a, b) => a[0] - b[0]);
      fieldTerms.push(entries.map(([at]) => at));
      if (entries.length === 0) continue;
      let sumOfSquares = 0;
      for (const [, weight] of entries) sumOfSquares += weight * weight;
      const magnitude = Math.sqrt(sumOfSquares);
      const dots = new Float64Array(size);
      const touched = new Uint8Array(size);
      for (const [at, queryWeight] of entries) {
        const { docs, weights } = this.posting(at)[f]!;
        const rescale = rescaleOf(at);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          dots[doc]! += queryWeight * (weights[i]! * rescale);
          touched[doc] = 1;
        }
      }
      for (let d = 0; d < size; d++) {
        if (!touched[d]) continue;
        matched[d] = 1;
        scores[d]! += dots[d]! / magnitude || 0;
      }
    }
    // As Lunr's `Query.isNegated`: only prohibited clauses (or none) ask for every other document.
    const negated = clauses.every((clause) => clause.presence === PROHIBITED);
    const hits: ShardHit[] = [];
    for (let d = 0; d < size; d++) {
      if (!(matched[d] || negated)) continue;
      if (allRequired && !allRequired[d]) continue;
      if (allProhibited?.[d]) continue;
      hits.push({ doc: d, score: scores[d]!, coverage: scoredClauses ? bitCount(clauseBits[d]!) / scoredClauses : 1 });
    }
    return {
      hits,
      termsOf: (doc, field) => {
        const f = fieldOf.get(field);
        if (f === undefined) return [];
        return (fieldTerms[f] ?? []).filter((at) => contains(this.posting(at)[f]!.docs, doc)).map((at) => this.terms[at]!);
      },
    };
  }
}

/** `lunr.idf`, from a document frequency and a document count. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

function bitCount(bits: number): number {
  let count = 0;
  for (let v = bits; v !== 0; v &= v - 1) count++;
  return count;
}

function intersect(a: DocSet, b: DocSet): DocSet {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

function contains(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
