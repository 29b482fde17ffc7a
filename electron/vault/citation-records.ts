import type { CitationState, MissingWhat } from '../citations/citation-state.ts';

export type { CitationState, MissingWhat };

/** One citation of a note (`carnet://source/<id>#<annotation-id>`), checked against its source today. */
export interface Citation {
  noteId: string;
  noteTitle: string;
  /** The note's file, relative to the vault. */
  notePath: string;
  /** The line of the note's file the link is on, 1-based. */
  line: number;
  /** Which of the note's citations it is, in order from 0: the editor finds its link by it. */
  index: number;
  sourceId: string;
  /** null for a link to a source as a whole. */
  annotationId: string | null;
  state: CitationState;
  /** What a missing citation lacks. */
  missing?: MissingWhat;
  /** The words the note quotes, or null when it quotes none. */
  quoted: string | null;
  /** The passage's words in the source today, when it still has a place. */
  passage: string | null;
  /** null when the source is not in the vault. */
  source: { title: string; published?: string; publisher?: string } | null;
  /** The PDF page the passage starts on. */
  page?: number;
  /** The annotation's comment and colour, for the citation's hover card. */
  comment?: string;
  color?: string;
}

export interface CitationQuery {
  noteId?: string;
  sourceId?: string;
  states?: CitationState[];
}

/** A place in a note that cites: for "cited in N notes". */
export interface CitingPlace {
  noteId: string;
  title: string;
  line: number;
  /** Which of the note's citations it is: the editor scrolls to it. */
  index: number;
  state: CitationState;
}

export interface CitedIn {
  sourceId: string;
  /** The notes citing the source (any of its annotations, or itself), each once, by title. */
  notes: { noteId: string; title: string; citations: number }[];
  /** Per annotation id, the places citing it. */
  annotations: Record<string, CitingPlace[]>;
}
