import { indexPipeline, type LanguageGroup } from './analyzers.ts';
import { fold, setupLunr, tokenizeKeepingCapitals } from './lunr-setup.ts';
import type lunrType from 'lunr';
import type { Range } from './search-types.ts';

/**
 * Where the matched terms stand in a text: candidate words are analysed again (folding, stems,
 * joined names) and those whose terms the query matched are kept, with their offsets. Done for the
 * results shown only, which keeps positions out of the stored index.
 */
const pipelines = new Map<LanguageGroup, lunrType.Pipeline>();

function pipelineFor(group: LanguageGroup): lunrType.Pipeline {
  let pipeline = pipelines.get(group);
  if (!pipeline) {
    pipeline = indexPipeline(group);
    pipelines.set(group, pipeline);
  }
  return pipeline;
}

type Positioned = lunrType.Token & { metadata: { position?: [number, number]; capital?: boolean } };

/** What analysis makes of a word: its own terms, and the terms it makes joined with the next word. */
interface Analysed {
  own: string[];
  joined: string[];
}

/**
 * Words repeat: the analysis of each (with its neighbour, for joined names) is remembered, so that
 * highlighting a page of results stems each distinct word once. Bounded, and simply started again when full.
 */
const analysedWords = new Map<string, Analysed>();
const MAX_REMEMBERED = 50_000;

function analyse(group: LanguageGroup, tokens: Positioned[], i: number): Analysed {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  const joinable = next !== undefined && token.metadata.capital === true && next.metadata.capital === true;
  const key = `${group}\u0001${token.toString()}\u0001${joinable ? next.toString() : ''}`;
  let analysed = analysedWords.get(key);
  if (analysed) return analysed;
  const lunr = setupLunr();
  const start = token.metadata.position?.[0] ?? 0;
  const length = token.metadata.position?.[1] ?? token.toString().length;
  // Analysis changes tokens in place: run it on copies, with the next word for joined names.
  const copies = (joinable ? [token, next] : [token]).map((t) => new lunr.Token(t.toString(), { ...t.metadata }) as Positioned);
  analysed = { own: [], joined: [] };
  for (const out of pipelineFor(group).run(copies) as Positioned[]) {
    const position = out.metadata.position;
    if (!position || position[0] !== start) continue;
    (position[1] === length ? analysed.own : analysed.joined).push(out.toString());
  }
  if (analysedWords.size >= MAX_REMEMBERED) analysedWords.clear();
  analysedWords.set(key, analysed);
  return analysed;
}

export function matchRanges(text: string, group: LanguageGroup, terms: Set<string>): Range[] {
  if (!text || terms.size === 0) return [];
  const termList = [...terms];
  const prefixes = new Set(termList.map((t) => t.slice(0, 3)));
  const tokens = tokenizeKeepingCapitals(text) as Positioned[];
  const ranges: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const bare = fold(tokens[i]!.toString()).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    // A word can only give a matched term if it starts like one (a stem), or begins one (a joined name).
    const candidate = prefixes.has(bare.slice(0, 3)) || (bare.length >= 2 && bare.length <= 6 && termList.some((t) => t.startsWith(bare)));
    if (!candidate) continue;
    const [start, length] = tokens[i]!.metadata.position ?? [0, 0];
    const { own, joined } = analyse(group, tokens, i);
    if (own.some((term) => terms.has(term))) ranges.push([start, start + length]);
    const next = tokens[i + 1]?.metadata.position;
    if (next && joined.some((term) => terms.has(term))) ranges.push([start, next[0] + next[1]]);
  }
  return ranges;
}
