/** What crosses the contract about search: plain types, no code (the renderer reads them too). */

export type SearchKind = 'source' | 'note' | 'annotation';

export interface SearchQuery {
  text: string;
  kinds?: SearchKind[];
  codes?: string[];
  tags?: string[];
  publishers?: string[];
  languages?: string[];
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  /** Search as you type: the last word, still being typed, also matches as a prefix. */
  asYouType?: boolean;
  limit?: number;
}

export type Range = [start: number, end: number];

export interface SearchHit {
  ref: string;
  kind: SearchKind;
  id: string;
  sourceId?: string;
  title: string;
  score: number;
  date?: string;
  publisher?: string;
  tags: string[];
  snippet: { text: string; highlights: Range[] };
  titleHighlights: Range[];
  /** Where the query matched in the body (a source's or note's text, an annotation's quote). */
  bodyMatches: Range[];
  /** The words as written in the document that matched, to highlight where it opens. */
  terms: string[];
  /** For a source: how many notes cite it. */
  citedBy?: number;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  counts: Record<SearchKind, number>;
  /** A query Lunr cannot read, explained; no hits then. */
  error?: string;
}

export interface SearchStatus {
  state: 'indexing' | 'ready' | 'error';
  /** Shards built so far, while indexing. */
  done: number;
  total: number;
  documents: number;
  message?: string;
}

