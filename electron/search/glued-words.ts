import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { fold, setupLunr } from './lunr-setup.ts';
import type lunrType from 'lunr';
import { ensureWordList, type WordLanguage } from './word-lists.ts';

/**
 * Words glued together by a capture ("leVietnam", "asouligné", "5.200trafiquants"): a token that is
 * no word of the dictionary, but splits into two that are, is indexed as its two halves too, so that
 * `Vietnam` and `souligné` find it. The text itself stays as captured.
 */

export type { WordLanguage };

/**
 * A sorted word list held as one string and the offsets of its lines, looked up by binary search:
 * a few megabytes where a Set of the same half million words would take tens.
 */
export class WordList {
  readonly size: number;
  /** Memory held: the text (one byte a character, the words being folded to ASCII) and the offsets. */
  readonly bytes: number;
  private readonly text: string;
  private readonly starts: Uint32Array;

  constructor(text: string) {
    this.text = text;
    let count = text.length > 0 ? 1 : 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    this.starts = new Uint32Array(count + 1);
    let line = 0;
    if (count > 0) this.starts[line++] = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts[line++] = i + 1;
    this.starts[count] = text.length + 1;
    this.size = count;
    this.bytes = text.length + this.starts.byteLength;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(word, middle);
      if (order === 0) return true;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return false;
  }

  /** How `word` sorts against line `n` (as JavaScript sorts strings: by UTF-16 code units). */
  private compare(word: string, n: number): number {
    const start = this.starts[n]!;
    const length = this.starts[n + 1]! - 1 - start;
    const common = Math.min(word.length, length);
    for (let i = 0; i < common; i++) {
      const difference = word.charCodeAt(i) - this.text.charCodeAt(start + i);
      if (difference !== 0) return difference;
    }
    return word.length - length;
  }
}

export interface WordListLoad {
  language: WordLanguage;
  words: number;
  /** Time to read, unzip and index the list. */
  ms: number;
  /** The list's text and offsets, in bytes (one byte a character: the words are folded to ASCII). */
  bytes: number;
}

const lists = new Map<WordLanguage, WordList | null>();
const loads: WordListLoad[] = [];

/** Where the list is: beside the bundled search worker, or (run from source) in node_modules/.cache. */
function listFile(language: WordLanguage): string | null {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    const beside = path.join(path.dirname(here), 'words', `${language}.txt.gz`);
    return existsSync(beside) ? beside : null;
  }
  try {
    return ensureWordList(path.resolve(path.dirname(here), '..', '..'), language);
  } catch {
    return null;
  }
}

/** The language's word list, loaded on first use, once per process (the search worker); null if missing. */
export function wordList(language: WordLanguage): WordList | null {
  if (lists.has(language)) return lists.get(language) ?? null;
  const start = performance.now();
  const file = listFile(language);
  const list = file ? new WordList(gunzipSync(readFileSync(file)).toString('latin1')) : null;
  if (list) loads.push({ language, words: list.size, ms: performance.now() - start, bytes: list.bytes });
  lists.set(language, list);
  return list;
}

/** What loading the word lists has cost so far, for the benchmark. */
export function wordListLoads(): WordListLoad[] {
  return [...loads];
}

/** One-letter words a glued token may begin with (`à` folds to `a`); `l’` and `d’` are the elision filter's. */
const ONE_LETTER: Record<WordLanguage, Set<string>> = { fr: new Set(['a', 'y']), en: new Set(['a']) };
const NUMBER = /^\d+(?:[.,]\d+)*$/;
const LETTERS = /^[a-z]+$/;
export const MIN_GLUED = 5;
export const MAX_GLUED = 40;

export interface GluedSplit {
  left: string;
  right: string;
  /** Where the right half begins in the token. */
  at: number;
}

const remembered = new Map<string, GluedSplit | null>();
const MAX_REMEMBERED = 50_000;

/**
 * Splits a token that is no word into two that are: the left half a word or a number ("5.200"),
 * the right half a word of two letters or more; the split with the longest right half wins.
 * A real word is never split; a one-letter left half ("a", "y") only if the token is not
 * capitalised, since names ("Asad") would otherwise lose their first letter. Works on the folded
 * token; the halves are slices of the token as given when folding kept its length.
 */
export function splitGlued(token: string, language: WordLanguage, capitalised = false): GluedSplit | null {
  const folded = fold(token);
  if (folded.length < MIN_GLUED || folded.length > MAX_GLUED || !/^[a-z0-9.,]+$/.test(folded) || !/[a-z]/.test(folded)) return null;
  const key = `${language}${capitalised ? '^' : ' '}${folded}`;
  const known = remembered.get(key);
  if (known !== undefined) return known === null ? null : sliced(known, token, folded);
  const found = findSplit(folded, language, capitalised);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, found);
  return found === null ? null : sliced(found, token, folded);
}

function sliced(split: GluedSplit, token: string, folded: string): GluedSplit {
  if (token.length !== folded.length) return split;
  return { left: token.slice(0, split.at), right: token.slice(split.at), at: split.at };
}

function findSplit(folded: string, language: WordLanguage, capitalised: boolean): GluedSplit | null {
  const words = wordList(language);
  if (!words || words.has(folded)) return null;
  for (let at = 1; at <= folded.length - 2; at++) {
    const right = folded.slice(at);
    if (!LETTERS.test(right)) continue;
    const left = folded.slice(0, at);
    const leftIsWord = NUMBER.test(left) || (left.length === 1 ? !capitalised && ONE_LETTER[language].has(left) : LETTERS.test(left) && words.has(left));
    if (leftIsWord && words.has(right)) return { left, right, at };
  }
  return null;
}

type Positioned = lunrType.Token & { metadata: { position?: [number, number]; capital?: boolean; joined?: boolean } };

/**
 * The pipeline step, after folding and before stemming: a glued token goes on as it is, followed by
 * its halves (stop words left out), each placed where it stands in the word, so that a hit on
 * "souligné" highlights "souligné" within "asouligné".
 */
export function gluedWordsSplitter(language: WordLanguage, stopWordFilter: lunrType.PipelineFunction): lunrType.PipelineFunction {
  const lunr = setupLunr();
  const label = `carnet-glued-${language}`;
  const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunrType.PipelineFunction> }).registeredFunctions[label];
  if (registered) return registered;
  const splitter = (token: lunrType.Token): lunrType.Token | lunrType.Token[] => {
    const { metadata } = token as Positioned;
    if (metadata.joined) return token;
    const text = token.toString();
    const split = splitGlued(text, language, metadata.capital === true);
    if (!split) return token;
    const out = [token];
    const position = metadata.position;
    const half = (word: string, from: number, to: number) => {
      if (word.length < 2 && !NUMBER.test(word)) return;
      // Folding keeps a word's length but for a few letters (œ → oe): the position is then approximate.
      const at: [number, number] | undefined = position && [position[0] + Math.min(from, position[1]), Math.max(0, Math.min(to, position[1]) - Math.min(from, position[1]))];
      const piece = new lunr.Token(word, { ...metadata, position: at, capital: false });
      if (stopWordFilter(piece, 0, [piece])) out.push(piece);
    };
    half(split.left, 0, split.at);
    half(split.right, split.at, text.length);
    return out;
  };
  lunr.Pipeline.registerFunction(splitter as lunrType.PipelineFunction, label);
  return splitter as lunrType.PipelineFunction;
}
