import { indexPipeline, type LanguageGroup } from './analyzers.ts';
import { beginsWithCapital, elisionLength, fold, setupLunr } from './lunr-setup.ts';
import { MIN_GLUED, splitGlued } from './glued-words.ts';
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

/**
 * What analysis makes of a word: the terms it gives, each with where it stands in the word
 * (an elided article is not part of it) and whether it runs on over the next word (a joined name).
 */
interface Analysed {
  terms: { term: string; from: number; to: number; joined: boolean }[];
}

/**
 * Words repeat: the analysis of each (with its neighbour, for joined names) is remembered, so that
 * highlighting a page of results stems each distinct word once. Bounded, and simply started again when full.
 */
const analysedWords = new Map<string, Analysed>();
const MAX_REMEMBERED = 50_000;

/** Lunr's tokenizer splits on white space and hyphens (`lunr.tokenizer.separator`). */
const WORD = /[^\s-]+/g;

function analyse(group: LanguageGroup, words: RegExpMatchArray[], i: number): Analysed {
  const word = words[i]!;
  const next = words[i + 1];
  const capital = (w: RegExpMatchArray) => beginsWithCapital(w[0]);
  const joinable = next !== undefined && capital(word) && capital(next);
  const key = `${group}\u0001${word[0].toLowerCase()}\u0001${joinable ? next[0].toLowerCase() : ''}`;
  let analysed = analysedWords.get(key);
  if (analysed) return analysed;
  const lunr = setupLunr();
  // The tokens Lunr's tokenizer (as tokenizeKeepingCapitals) would give, for this word and the next.
  const token = (w: RegExpMatchArray, at: number) => new lunr.Token(w[0].toLowerCase(), { position: [w.index ?? 0, w[0].length], index: at, capital: capital(w) }) as Positioned;
  const tokens = joinable ? [token(word, 0), token(next, 1)] : [token(word, 0)];
  const start = word.index ?? 0;
  const end = start + word[0].length;
  analysed = { terms: [] };
  for (const out of pipelineFor(group).run(tokens) as Positioned[]) {
    const position = out.metadata.position;
    if (!position || position[0] < start || position[0] >= end) continue;
    const joined = position[0] + position[1] > end;
    analysed.terms.push({ term: out.toString(), from: position[0] - start, to: joined ? 0 : position[0] + position[1] - start, joined });
  }
  if (analysedWords.size >= MAX_REMEMBERED) analysedWords.clear();
  analysedWords.set(key, analysed);
  return analysed;
}

/** Or a glued word ("asouligné") whose right half starts like a matched term. */
function gluedCandidate(word: string, bare: string, group: LanguageGroup, prefixes: Set<string>): boolean {
  if (group === 'xx' || bare.length < MIN_GLUED) return false;
  const split = splitGlued(bare, group, beginsWithCapital(word));
  return split !== null && (prefixes.has(split.right.slice(0, 3)) || prefixes.has(split.left.slice(0, 3)));
}

export function matchRanges(text: string, group: LanguageGroup, terms: Set<string>): Range[] {
  if (!text || terms.size === 0) return [];
  const termList = [...terms];
  const prefixes = new Set(termList.filter((t) => t.length >= 3).map((t) => t.slice(0, 3)));
  // A stem shorter than three letters ("ère" → "er" in English) is looked for as it is.
  const short = termList.filter((t) => t.length < 3);
  // Words are found with a regular expression rather than Lunr's tokenizer, which makes an object
  // per word: only the few words that could match are turned into tokens and analysed.
  const words = [...text.matchAll(WORD)];
  const ranges: Range[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]![0];
    const bare = fold(word.slice(elisionLength(word))).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    // A word can only give a matched term if it starts like one (a stem), or begins one (a joined name).
    const candidate = prefixes.has(bare.slice(0, 3)) || short.some((t) => bare.startsWith(t)) || (bare.length >= 2 && bare.length <= 6 && termList.some((t) => t.startsWith(bare))) || gluedCandidate(word, bare, group, prefixes);
    if (!candidate) continue;
    const start = words[i]!.index ?? 0;
    const next = words[i + 1];
    for (const found of analyse(group, words, i).terms) {
      if (!terms.has(found.term)) continue;
      if (!found.joined) ranges.push([start + found.from, start + found.to]);
      else if (next) ranges.push([start + found.from, (next.index ?? 0) + next[0].length]);
    }
  }
  return ranges;
}
