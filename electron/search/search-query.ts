import { lunrIdf, type ShardAnswer, type ShardReader } from './compact-index.ts';
import { fold, setupLunr } from './lunr-setup.ts';
import { languageGroup } from './analyzers.ts';
import { matchRanges } from './search-highlights.ts';
import type { SearchDoc } from './search-documents.ts';
import type { Range, SearchHit, SearchQuery, SearchResults } from './search-types.ts';

export type { Range, SearchHit, SearchQuery, SearchResults };

/**
 * Runs a query over every shard: Lunr's own syntax (`title:`, `+`/`-`, `*`, `~1`), plus quoted
 * phrases (checked in the text, since Lunr has no phrase query), search-as-you-type (the last
 * word also as a prefix), filters, ranking across shards (the vault's idf; documents holding
 * more of the query's words first), and snippets with the matched words found again in the text.
 */

const SNIPPET_LENGTH = 180;
const FIELD_NAMES = 'title, tags, people, comment, body, cites';
const FIELDS = new Set(FIELD_NAMES.split(', '));

interface Prepared {
  lunrQuery: string;
  phrases: string[];
}

export function prepareQuery(text: string, asYouType = false): Prepared {
  const phrases: string[] = [];
  // A quote still open while typing counts as a phrase too.
  const rest = text.replace(/"([^"]*)("|$)/g, (_whole, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return ' ';
  });
  // A phrase's words find candidates (not required: stop words are not in the index); the phrase check decides.
  const phraseTerms = phrases.flatMap((p) => words(p));
  // "COMMIT: six countries", a title typed as it reads: a colon after a word that names no field is punctuation, not Lunr's field syntax.
  let free = rest.trim().replace(/(^|\s)([^\s:+-][^\s:]*):/gu, (whole, space: string, name: string) => (FIELDS.has(name.toLowerCase()) ? whole : `${space}${name} `));
  if (asYouType && /[\p{L}\p{N}]$/u.test(text) && !/"[^"]*$/.test(text)) {
    // The word being typed, after an elided article ("l’ident" is the start of "identification").
    const last = /(^|\s)(?:\S*['’ʼ])?([\p{L}\p{N}]{2,})$/u.exec(free);
    if (last) {
      // The index holds stems, which can be shorter than what is typed ("trainin" → "train"): a slightly shorter prefix meets them.
      const word = last[2]!;
      const shorter = word.length >= 6 ? ` ${word.slice(0, Math.max(4, word.length - 2))}*` : '';
      free = `${free} ${word}*${shorter}`;
    }
  }
  return { lunrQuery: fold([free, ...phraseTerms].filter(Boolean).join(' ')), phrases };
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Text compared for phrases: folded, punctuation as spaces. */
function comparable(text: string): string {
  return ` ${fold(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** Documents are replaced, never changed, when edited: their comparable text can be kept alongside. */
const comparableCache = new WeakMap<SearchDoc, string>();

function comparableText(doc: SearchDoc): string {
  let text = comparableCache.get(doc);
  if (text === undefined) {
    // A quoted source title finds the notes citing it, as its words do.
    text = comparable(`${doc.title}\n${doc.body}\n${doc.comment}\n${(doc.cites ?? []).join('\n')}`);
    comparableCache.set(doc, text);
  }
  return text;
}

/** A document a query matched in one shard: its rank, and where to ask which terms it matched. */
interface Match {
  score: number;
  coverage: number;
  doc: SearchDoc;
  answer: ShardAnswer;
  at: number;
}

/** A shard to search: its reader, the documents it was built from (by number), and those of them to skip (outdated). */
export interface SearchableShard {
  reader: ShardReader;
  members: (SearchDoc | undefined)[];
  hidden?: Set<string>;
}

export function runQuery(shards: SearchableShard[], query: SearchQuery): SearchResults {
  const empty: SearchResults = { hits: [], total: 0, counts: { source: 0, note: 0, annotation: 0 } };
  if (query.text.trim() === '') return empty;
  const { lunrQuery, phrases } = prepareQuery(query.text, query.asYouType);
  if (lunrQuery.trim() === '') return empty;
  const lunr = setupLunr();
  const answers: { answer: ShardAnswer; shard: SearchableShard }[] = [];
  const idf = vaultIdf(shards);
  try {
    for (const shard of shards) answers.push({ answer: shard.reader.search(lunrQuery, shards.length > 1 ? idf : undefined), shard });
  } catch (error) {
    if (error instanceof lunr.QueryParseError) {
      return { ...empty, error: `This search cannot be read: ${error.message}. Use words, "a phrase", title:word, +required, -excluded, prefix* or word~1 (fields: ${FIELD_NAMES}).` };
    }
    throw error;
  }
  const phraseTexts = phrases.map(comparable);
  const filtering = phraseTexts.length > 0 || hasFilters(query);
  const counts = { source: 0, note: 0, annotation: 0 };
  const limit = query.limit ?? 50;
  let total = 0;
  const kinds = query.kinds?.length ? query.kinds : null;
  // One pass, no object per match: a common word matches most of the vault, and a page is shown.
  const best: Match[] = [];
  for (const { answer, shard } of answers) {
    const { members, hidden } = shard;
    for (const hit of answer.hits) {
      const doc = members[hit.doc];
      if (!doc || hidden?.has(doc.ref)) continue;
      if (filtering) {
        if (phraseTexts.length) {
          const haystack = comparableText(doc);
          if (!phraseTexts.every((p) => haystack.includes(p))) continue;
        }
        if (!passesFilters(doc, query)) continue;
      }
      counts[doc.kind]++;
      if (kinds && !kinds.includes(doc.kind)) continue;
      total++;
      if (limit > 0 && (best.length < limit || ranksAbove(hit, best[best.length - 1]!))) keepBest(best, limit, { score: hit.score, coverage: hit.coverage, doc, answer, at: hit.doc });
    }
  }
  const hits = best.map((match) => toHit(match, phrases));
  return { hits, total, counts };
}

/**
 * Lunr's idf over the whole vault rather than one shard: a word rare in the vault but common in
 * the shard a document happens to be in must not sink it. Remembered for the query's duration.
 */
function vaultIdf(shards: SearchableShard[]): (term: string) => number {
  const documentCount = shards.reduce((sum, shard) => sum + shard.reader.refs.length, 0);
  const known = new Map<string, number>();
  return (term) => {
    let idf = known.get(term);
    if (idf === undefined) {
      idf = lunrIdf(shards.reduce((sum, shard) => sum + shard.reader.documentFrequency(term), 0), documentCount);
      known.set(term, idf);
    }
    return idf;
  };
}

/**
 * Documents that match more of the query's words come first, and among those Lunr's score decides.
 * Lunr adds up what each word is worth, so two rare words could beat all three words of the
 * query; a reader looking for the text they remember wants the one with all of them (on the
 * benchmark's known items this took MRR@10 from 0.27 to 0.73).
 */
function ranksAbove(a: { coverage: number; score: number }, b: { coverage: number; score: number }): boolean {
  return a.coverage > b.coverage || (a.coverage === b.coverage && a.score > b.score);
}

/** Puts a match that ranks above the last of the `limit` best in its place (equals in the order met). */
function keepBest(best: Match[], limit: number, match: Match): void {
  let at = best.length;
  while (at > 0 && ranksAbove(match, best[at - 1]!)) at--;
  best.splice(at, 0, match);
  if (best.length > limit) best.pop();
}

function hasFilters(query: SearchQuery): boolean {
  return Boolean(query.codes?.length || query.tags?.length || query.publishers?.length || query.languages?.length || query.from || query.to);
}

function passesFilters(doc: SearchDoc, query: SearchQuery): boolean {
  const lower = (values: string[] | undefined) => values?.map((v) => v.toLowerCase());
  if (query.codes?.length && !query.codes.some((c) => doc.codes.includes(c))) return false;
  const tags = lower(query.tags);
  if (tags?.length && !doc.tags.some((t) => tags.includes(t.toLowerCase()))) return false;
  const publishers = lower(query.publishers);
  if (publishers?.length && !publishers.includes((doc.publisher ?? '').toLowerCase())) return false;
  if (query.languages?.length && !query.languages.includes(doc.language ?? '')) return false;
  if ((query.from || query.to) && !doc.date) return false;
  // A date given as a year or a month ("2019", "2019-06") is that whole span: it meets the filter if any day of it does.
  if (query.from && lastDayOf(doc.date ?? '') < query.from) return false;
  if (query.to && (doc.date ?? '').slice(0, 10) > query.to) return false;
  return true;
}

function lastDayOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-31`;
  return date.slice(0, 10);
}

/** Token positions include the punctuation glued to a word ("Nội,"): highlight the word only. */
function trimToWords(ranges: Range[], text: string): Range[] {
  return ranges
    .map(([start, end]): Range => {
      let s = start;
      let e = end;
      while (s < e && !/[\p{L}\p{N}]/u.test(text[s] ?? '')) s++;
      while (e > s && !/[\p{L}\p{N}]/u.test(text[e - 1] ?? '')) e--;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}

function positionsIn(match: Match, field: 'title' | 'body' | 'comment'): Range[] {
  const { doc } = match;
  return merge(matchRanges(doc[field], languageGroup(doc.language), new Set(match.answer.termsOf(match.at, field))));
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/** Phrase occurrences in a text, as ranges of the original text (folding keeps lengths for Latin letters). */
function phraseRanges(text: string, phrases: string[]): Range[] {
  const folded = fold(text);
  const ranges: Range[] = [];
  if (folded.length !== text.length) return ranges;
  for (const phrase of phrases) {
    const pattern = new RegExp(words(fold(phrase)).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^a-z0-9]+'), 'g');
    for (const match of folded.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

function toHit(match: Match, phrases: string[]): SearchHit {
  const { doc } = match;
  const bodyMatches = merge([...trimToWords(positionsIn(match, 'body'), doc.body), ...phraseRanges(doc.body, phrases)]);
  const commentMatches = trimToWords(positionsIn(match, 'comment'), doc.comment);
  const snippet = bodyMatches.length || !commentMatches.length ? snippetOf(doc.body, bodyMatches) : snippetOf(doc.comment, commentMatches);
  return {
    ref: doc.ref,
    kind: doc.kind,
    id: doc.id,
    sourceId: doc.sourceId,
    title: doc.title,
    score: match.score,
    date: doc.date,
    publisher: doc.publisher,
    tags: doc.tags,
    snippet,
    titleHighlights: merge([...trimToWords(doc.kind === 'annotation' ? [] : positionsIn(match, 'title'), doc.title), ...phraseRanges(doc.title, phrases)]),
    bodyMatches,
    terms: [...new Set(bodyMatches.map(([s, e]) => doc.body.slice(s, e).replace(/\s+/g, ' ')))].slice(0, 20),
  };
}

/** The stretch of text with the most matches, cut at word boundaries, with the matches to highlight. */
export function snippetOf(text: string, matches: Range[]): { text: string; highlights: Range[] } {
  const clean = (s: string) => s.replace(/<!-- page \d+ -->/g, ' ');
  if (matches.length === 0) {
    const head = clean(text).replace(/\s+/g, ' ').trim();
    return { text: head.length > SNIPPET_LENGTH ? `${head.slice(0, SNIPPET_LENGTH).replace(/\s+\S*$/, '')}…` : head, highlights: [] };
  }
  let bestStart = matches[0]![0];
  let bestCount = 0;
  for (const [start] of matches) {
    const count = matches.filter(([s, e]) => s >= start && e <= start + SNIPPET_LENGTH).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  let from = Math.max(0, bestStart - 40);
  const space = text.indexOf(' ', from);
  if (from > 0 && space !== -1 && space < bestStart) from = space + 1;
  let to = Math.min(text.length, Math.max(from + SNIPPET_LENGTH, matches[0]![1]));
  const lastSpace = text.lastIndexOf(' ', to);
  if (to < text.length && lastSpace > bestStart) to = lastSpace;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const raw = text.slice(from, to);
  // Newlines become spaces one for one, so offsets stay true.
  const body = raw.replace(/\s/g, ' ');
  const highlights = matches
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s - from + prefix.length, e - from + prefix.length] as Range);
  return { text: `${prefix}${body}${suffix}`, highlights };
}
