import { findCitations, type FoundCitation } from '../citations/find-citations.ts';
import { citationState, type CitedPassage } from '../citations/citation-state.ts';
import { pageAt } from '../citations/passage-page.ts';
import type { VaultCore } from './vault-core.ts';
import type { NoteRecord } from './vault-index.ts';
import type { AnnotationList } from './vault-records.ts';
import type { Annotation } from './vault-schemas.ts';
import type { Citation, CitationQuery, CitedIn, CitingPlace } from './citation-records.ts';

/**
 * Every citation of every note, checked against its source (citations/citation-state.ts). Kept
 * per note, and valid while the note and every source it cites are at the revisions it was checked
 * against: a changed source re-checks only the notes citing it. Read-only: nothing is written.
 */
export class CitationStore {
  private readonly core: VaultCore;
  private readonly annotationsOf: (sourceId: string) => AnnotationList;
  private readonly parsed = new Map<string, { revision: string; found: FoundCitation[] }>();
  private readonly checked = new Map<string, { key: string; citations: Citation[] }>();
  private readonly passages = new Map<string, { key: string; byId: Map<string, { annotation: Annotation; passage: CitedPassage }> }>();

  constructor(core: VaultCore, annotationsOf: (sourceId: string) => AnnotationList) {
    this.core = core;
    this.annotationsOf = annotationsOf;
  }

  list(query: CitationQuery = {}): Citation[] {
    const notes = query.noteId ? [this.core.index.notes.get(query.noteId)].filter((n) => n !== undefined) : [...this.core.index.notes.values()];
    const states = query.states ? new Set(query.states) : null;
    const out: Citation[] = [];
    for (const note of notes) {
      for (const citation of this.ofNote(note)) {
        if (query.sourceId && citation.sourceId !== query.sourceId) continue;
        if (states && !states.has(citation.state)) continue;
        out.push(citation);
      }
    }
    if (!query.noteId) this.forgetGone();
    return out.sort((a, b) => a.noteTitle.localeCompare(b.noteTitle) || a.noteId.localeCompare(b.noteId) || a.index - b.index);
  }

  /** Deleted notes and sources leave nothing kept. */
  private forgetGone(): void {
    for (const id of this.parsed.keys()) if (!this.core.index.notes.has(id)) this.parsed.delete(id);
    for (const id of this.checked.keys()) if (!this.core.index.notes.has(id)) this.checked.delete(id);
    for (const id of this.passages.keys()) if (!this.core.index.sources.has(id)) this.passages.delete(id);
  }

  citedIn(sourceId: string): CitedIn {
    const notes = new Map<string, { noteId: string; title: string; citations: number }>();
    const annotations: Record<string, CitingPlace[]> = {};
    for (const citation of this.list({ sourceId })) {
      const entry = notes.get(citation.noteId) ?? { noteId: citation.noteId, title: citation.noteTitle, citations: 0 };
      entry.citations++;
      notes.set(citation.noteId, entry);
      if (citation.annotationId) (annotations[citation.annotationId] ??= []).push({ noteId: citation.noteId, title: citation.noteTitle, line: citation.line, index: citation.index, state: citation.state });
    }
    return { sourceId, notes: [...notes.values()].sort((a, b) => a.title.localeCompare(b.title)), annotations };
  }

  /** The sources a note cites, each once, in order: from the parse kept for the note's revision. */
  sourcesCitedBy(noteId: string): string[] {
    const note = this.core.index.notes.get(noteId);
    return note ? [...new Set(this.found(note).map((f) => f.sourceId))] : [];
  }

  private ofNote(note: NoteRecord): Citation[] {
    const found = this.found(note);
    if (found.length === 0) return [];
    const cited = [...new Set(found.map((f) => f.sourceId))];
    // The slug too: a note renamed by hand keeps its bytes, not its path.
    const key = `${note.revision}:${note.slug}|${cited.map((id) => `${id}:${this.sourceKey(id)}`).join('|')}`;
    const kept = this.checked.get(note.meta.id);
    if (kept?.key === key) return kept.citations;
    const lines = lineCounter(note);
    const citations = found.map((citation, index) => this.check(note, citation, index, lines(citation.start)));
    this.checked.set(note.meta.id, { key, citations });
    return citations;
  }

  private found(note: NoteRecord): FoundCitation[] {
    const kept = this.parsed.get(note.meta.id);
    if (kept?.revision === note.revision) return kept.found;
    const found = findCitations(note.body);
    this.parsed.set(note.meta.id, { revision: note.revision, found });
    return found;
  }

  private check(note: NoteRecord, found: FoundCitation, index: number, line: number): Citation {
    const source = this.core.index.sources.get(found.sourceId);
    const cited = found.annotationId && source ? this.passageOf(found.sourceId, found.annotationId) : undefined;
    const verdict = citationState(found, source ? { body: source.body } : null, cited?.passage ?? null);
    const anchor = cited?.passage.anchor;
    const page = source && anchor && anchor.state !== 'orphan' ? pageAt(source.body, anchor.start) : undefined;
    return {
      noteId: note.meta.id,
      noteTitle: note.meta.title,
      notePath: `notes/${note.slug}.md`,
      line,
      index,
      sourceId: found.sourceId,
      annotationId: found.annotationId,
      state: verdict.state,
      ...(verdict.missing ? { missing: verdict.missing } : {}),
      quoted: found.quoted,
      passage: verdict.passage,
      source: source ? { title: source.meta.title, ...(source.meta.published ? { published: source.meta.published } : {}), ...(source.meta.publisher ? { publisher: source.meta.publisher } : {}) } : null,
      ...(page !== undefined ? { page } : {}),
      ...(cited?.annotation.comment ? { comment: cited.annotation.comment } : {}),
      ...(cited?.annotation.color ? { color: cited.annotation.color } : {}),
    };
  }

  /** What a citation of the source depends on: its body and metadata, and its annotations file. */
  private sourceKey(sourceId: string): string {
    const source = this.core.index.sources.get(sourceId);
    return source ? `${source.revision}:${this.core.index.annotations.get(sourceId)?.revision ?? ''}` : 'none';
  }

  private passageOf(sourceId: string, annotationId: string): { annotation: Annotation; passage: CitedPassage } | undefined {
    const key = this.sourceKey(sourceId);
    let kept = this.passages.get(sourceId);
    if (kept?.key !== key) {
      const source = this.core.index.sources.get(sourceId)!;
      const { annotations, anchors } = this.annotationsOf(sourceId);
      const byId = new Map(annotations.map((annotation, i) => [annotation.id, { annotation, passage: { anchor: anchors[i] ?? { state: 'orphan' as const }, body: source.body } }]));
      kept = { key, byId };
      this.passages.set(sourceId, kept);
    }
    return kept.byId.get(annotationId);
  }
}

/**
 * The file line of body offsets asked in increasing order, counted as it goes: the note analysis
 * (note-analysis.ts) would parse the body a second time for its links.
 */
function lineCounter(note: NoteRecord): (offset: number) => number {
  let at = 0;
  let line = note.bodyLine;
  return (offset) => {
    for (; at < offset; at++) if (note.body.charCodeAt(at) === 10) line++;
    return line;
  };
}
