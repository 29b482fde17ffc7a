import type { SearchDoc } from './search-documents.ts';

/**
 * Which notes cite which sources, as the index last saw them, and the source titles their documents
 * were made with. A note's document carries the titles of the sources it cites, so a source whose
 * title changes (renamed, deleted, restored) must have its citing notes made again; and a source's
 * result says how many notes cite it without walking every note at each query.
 */
export class CitingNotes {
  /** Note id → the ids of the sources it cites. */
  private readonly sourcesOf = new Map<string, string[]>();
  /** Source id → the notes citing it. */
  private readonly notesOf = new Map<string, Set<string>>();
  /** Source id → its title when its citing notes' documents were made; absent when not in the vault. */
  private readonly titles = new Map<string, string>();

  clear(): void {
    this.sourcesOf.clear();
    this.notesOf.clear();
    this.titles.clear();
  }

  /** Takes what an indexed document says: a note's cited sources, a source's title. */
  indexed(doc: SearchDoc): void {
    if (doc.kind === 'note') this.noteCites(doc.id, doc.citedSources ?? []);
    else if (doc.kind === 'source') this.titles.set(doc.id, doc.title);
  }

  noteRemoved(noteId: string): void {
    this.noteCites(noteId, []);
  }

  /**
   * Records a source's title now (null when the vault no longer has it) and returns the notes whose
   * documents hold another one, to be made again; none when the title is unchanged.
   */
  sourceTitled(sourceId: string, title: string | null): string[] {
    const before = this.titles.get(sourceId) ?? null;
    if (title === null) this.titles.delete(sourceId);
    else this.titles.set(sourceId, title);
    return before === title ? [] : [...(this.notesOf.get(sourceId) ?? [])];
  }

  /** How many notes cite the source (each once, however many times it cites it). */
  count(sourceId: string): number {
    return this.notesOf.get(sourceId)?.size ?? 0;
  }

  private noteCites(noteId: string, sourceIds: string[]): void {
    for (const sourceId of this.sourcesOf.get(noteId) ?? []) {
      const notes = this.notesOf.get(sourceId);
      notes?.delete(noteId);
      if (notes?.size === 0) this.notesOf.delete(sourceId);
    }
    if (sourceIds.length === 0) {
      this.sourcesOf.delete(noteId);
      return;
    }
    this.sourcesOf.set(noteId, sourceIds);
    for (const sourceId of sourceIds) {
      let notes = this.notesOf.get(sourceId);
      if (!notes) this.notesOf.set(sourceId, (notes = new Set()));
      notes.add(noteId);
    }
  }
}
