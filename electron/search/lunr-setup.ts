import lunrModule from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import french from 'lunr-languages/lunr.fr.js';
import type lunrType from 'lunr';

/**
 * Lunr with the French stemmer and Carnet's diacritic folding, registered once per process
 * (worker or main), before any index is built or loaded: Index.load looks pipeline functions up by name.
 */
// Static imports, so that the search worker can be bundled into one self-contained file.
const lunr = lunrModule as typeof lunrType;
(stemmerSupport as (l: typeof lunrType) => void)(lunr);
(french as (l: typeof lunrType) => void)(lunr);

export type Lunr = typeof lunrType;

/** `Hà Nội` → `ha noi`, `être` → `etre`, `Vương` → `vuong`, `Đà Nẵng` → `da nang`, `œuvre` → `oeuvre`. */
export function fold(text: string): string {
  // Most words are plain ASCII: lowercasing is all they need, and folding is on every token's path.
  if (!/[^ -~\t\n\r]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/**
 * French elided articles and pronouns (l’, d’, qu’, jusqu’…), as Lucene's ElisionFilter removes
 * them: a word written "l’identification" is found by "identification", and "d’action" by "action".
 */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ](?=[\p{L}\p{N}])/iu;

/** How many characters of a word are an elided article or pronoun (0 if none). */
export function elisionLength(word: string): number {
  return ELISION.exec(word)?.[0].length ?? 0;
}

function stripElision(token: lunrType.Token): lunrType.Token {
  const cut = elisionLength(token.toString());
  if (cut === 0) return token;
  const metadata = (token as unknown as { metadata: { position?: [number, number] } }).metadata;
  if (metadata.position) metadata.position = [metadata.position[0] + cut, metadata.position[1] - cut];
  return token.update((s) => s.slice(cut));
}

/**
 * French's trimmer (which knows accented letters), moving the token's position past the punctuation
 * it removes ("(leVietnam," is at "leVietnam"), so that the parts of a word (glued-words.ts) are
 * placed exactly.
 */
function trimKeepingPosition(token: lunrType.Token): lunrType.Token | undefined {
  const before = token.toString();
  const trimmed = (lunr as unknown as { fr: { trimmer: (t: lunrType.Token) => lunrType.Token | undefined } }).fr.trimmer(token);
  if (!trimmed) return trimmed;
  const after = trimmed.toString();
  const metadata = (trimmed as unknown as { metadata: { position?: [number, number] } }).metadata;
  if (after.length !== before.length && metadata.position) {
    const lead = Math.max(0, before.indexOf(after));
    metadata.position = [metadata.position[0] + lead, Math.min(after.length, Math.max(0, metadata.position[1] - lead))];
  }
  return trimmed;
}

/** Whether a word as written begins with a capital, after an elided article ("L’État" does, "l’état" does not). */
export function beginsWithCapital(word: string): boolean {
  const first = word.charAt(elisionLength(word));
  return first !== '' && first !== first.toLowerCase();
}

const SYLLABLE = /^[a-z]{2,6}$/;

/**
 * Folds each token, and joins two capitalised syllables into one extra token, so that the
 * Vietnamese and Khmer names written apart (`Hà Nội`, `Phnom Penh`) are found written together
 * (`Hanoi`, `Hanoï`, `phnompenh`) too. Lunr gives pipeline functions the neighbouring tokens.
 */
function foldAndJoin(token: lunrType.Token, index: number, tokens: lunrType.Token[]): lunrType.Token | lunrType.Token[] {
  const original = token.toString();
  const folded = token.update((s) => fold(s));
  const next = tokens[index + 1];
  if (!next || !isCapitalised(token) || !isCapitalised(next)) return folded;
  const first = bare(original);
  const second = bare(next.toString());
  if (!SYLLABLE.test(first) || !SYLLABLE.test(second)) return folded;
  const metadata = (token as unknown as { metadata: Record<string, unknown> }).metadata;
  const position = (metadata.position as [number, number] | undefined) ?? [0, 0];
  const nextPosition = ((next as unknown as { metadata: Record<string, unknown> }).metadata.position as [number, number] | undefined) ?? position;
  const joined = new lunr.Token(first + second, { ...metadata, position: [position[0], nextPosition[0] + nextPosition[1] - position[0]], joined: true });
  return [folded, joined];
}

function isCapitalised(token: lunrType.Token): boolean {
  return (token as unknown as { metadata: { capital?: boolean } }).metadata.capital === true;
}

/**
 * Lunr's tokenizer, noting which words began with a capital letter before it lowercased them:
 * only names (capitalised syllables) are joined.
 */
export function tokenizeKeepingCapitals(input: unknown, metadata?: object): lunrType.Token[] {
  const tokens = (lunr.tokenizer as unknown as (input: unknown, metadata?: object) => lunrType.Token[])(input, metadata);
  if (typeof input !== 'string') return tokens;
  for (const token of tokens) {
    const data = (token as unknown as { metadata: { position?: [number, number]; capital?: boolean } }).metadata;
    if (data.position && beginsWithCapital(input.slice(data.position[0], data.position[0] + data.position[1]))) data.capital = true;
  }
  return tokens;
}

function bare(text: string): string {
  return fold(text).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

let registered = false;

export function setupLunr(): Lunr {
  if (!registered) {
    lunr.Pipeline.registerFunction(foldAndJoin as lunrType.PipelineFunction, 'carnet-fold');
    lunr.Pipeline.registerFunction(foldQuery as lunrType.PipelineFunction, 'carnet-fold-query');
    lunr.Pipeline.registerFunction(stripElision as lunrType.PipelineFunction, 'carnet-elision');
    lunr.Pipeline.registerFunction(trimKeepingPosition as lunrType.PipelineFunction, 'carnet-trimmer');
    registered = true;
  }
  return lunr;
}

/** Query terms are folded too, without joining (the user's words are taken as typed). */
function foldQuery(token: lunrType.Token): lunrType.Token {
  return token.update((s) => fold(s));
}

export { foldAndJoin, foldQuery, stripElision, trimKeepingPosition };
