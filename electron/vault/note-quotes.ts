import { CarnetError } from '../core/carnet-error.ts';
import { escapeMarkdown, readablePassage, renderQuote, shortPassage, type QuoteFields } from '../citations/quote-template.ts';
import { pageAt } from '../citations/passage-page.ts';
import { notFound, type VaultCore } from './vault-core.ts';
import type { NoteStore } from './note-store.ts';
import type { AnnotationList, NoteDetail, VaultSettings } from './vault-records.ts';

/**
 * "Quote in note": an annotated passage as Markdown, after the vault's template, for the editor to
 * insert where the caret is, or added at the end of a note file (or a new note) from the reader.
 * A passage whose place in the source is uncertain or lost is not quoted: its citation would be
 * flagged at once; the reader offers to check it first.
 */
export class NoteQuotes {
  private readonly core: VaultCore;
  private readonly notes: NoteStore;
  private readonly annotationsOf: (sourceId: string) => AnnotationList;
  private readonly settings: () => Promise<VaultSettings>;

  constructor(core: VaultCore, notes: NoteStore, annotationsOf: (sourceId: string) => AnnotationList, settings: () => Promise<VaultSettings>) {
    this.core = core;
    this.notes = notes;
    this.annotationsOf = annotationsOf;
    this.settings = settings;
  }

  async markdown(sourceId: string, annotationId: string): Promise<string> {
    return renderQuote((await this.settings()).quoteTemplate, this.fields(sourceId, annotationId));
  }

  /** A template tried on an example passage, for the settings' preview. */
  preview(template: string, language: 'en' | 'fr'): string {
    return renderQuote(template, EXAMPLE[language]);
  }

  /** At the end of the note `noteId`, or in a new note titled `title` (the source's title by default). */
  async quoteInNote(sourceId: string, annotationId: string, target: { noteId?: string; title?: string }): Promise<NoteDetail> {
    const markdown = await this.markdown(sourceId, annotationId);
    if (!target.noteId) {
      const source = this.core.index.sources.get(sourceId)!;
      return this.notes.create(target.title?.trim() || source.meta.title, `${markdown}\n`);
    }
    const note = this.core.index.notes.get(target.noteId);
    if (!note) throw notFound('note', target.noteId);
    const before = note.body.replace(/\s+$/, '');
    return this.notes.save(note.meta.id, { title: note.meta.title, body: `${before}${before ? '\n\n' : ''}${markdown}\n`, tags: note.meta.tags }, note.revision);
  }

  private fields(sourceId: string, annotationId: string): QuoteFields {
    const source = this.core.index.sources.get(sourceId);
    if (!source) throw notFound('source', sourceId);
    const { annotations, anchors } = this.annotationsOf(sourceId);
    const at = annotations.findIndex((a) => a.id === annotationId);
    const annotation = annotations[at];
    const anchor = anchors[at];
    if (!annotation || !anchor) {
      throw new CarnetError('not-found', { en: `"${source.meta.title}" has no passage "${annotationId}": it may have been deleted.`, fr: `« ${source.meta.title} » n’a pas de passage « ${annotationId} » : il a peut-être été supprimé.` });
    }
    if (anchor.state !== 'anchored') {
      throw new CarnetError('conflict', {
        en: anchor.state === 'orphan' ? 'This passage is no longer in the source: attach it to its words in the reader before quoting it.' : 'This passage was found only approximately since the source changed: check it in the reader (Accept) before quoting it.',
        fr: anchor.state === 'orphan' ? 'Ce passage n’est plus dans la source : rattachez-le à ses mots dans le lecteur avant de le citer.' : 'Ce passage n’a été retrouvé qu’approximativement depuis que la source a changé : vérifiez-le dans le lecteur (Accepter) avant de le citer.',
      });
    }
    const words = readablePassage(source.body.slice(anchor.start, anchor.end));
    const { title, publisher, published, url } = source.meta;
    const page = pageAt(source.body, anchor.start);
    const where = [publisher, published, page ? `p. ${page}` : ''].filter(Boolean).map((part) => escapeMarkdown(part!)).join(', ');
    const link = `[« ${escapeMarkdown(shortPassage(words, 40))} »](carnet://source/${sourceId}#${annotationId})`;
    const codes = new Map(this.core.index.codebook.data.codes.map((c) => [c.id, c.name]));
    return {
      passage: escapeMarkdown(words),
      citation: `${link} — *${escapeMarkdown(title)}*${where ? `, ${where}` : ''}`,
      comment: annotation.comment.trim(),
      codes: annotation.codes.map((id) => codes.get(id) ?? id).join(', '),
      title: escapeMarkdown(title),
      date: published ?? '',
      page: page ? String(page) : '',
      url: url ?? '',
    };
  }
}

/** What the template dialog shows its template with: a passage like our users' (sample vault's words). */
const EXAMPLE: Record<'en' | 'fr', QuoteFields> = {
  en: {
    passage: 'The six governments launched it in 2004 to work together against human trafficking across their shared borders.',
    citation: '[« The six governments launched it… »](carnet://source/example#example-a1) — *COMMIT: six countries against human trafficking*, Carnet sample, 2025-11-20',
    comment: 'The founding date: **2004**.',
    codes: 'Regional cooperation',
    title: 'COMMIT: six countries against human trafficking',
    date: '2025-11-20',
    page: '3',
    url: 'https://example.org/commit',
  },
  fr: {
    passage: 'Les six pays du COMMIT ont adopté mercredi à Hà Nội une déclaration commune contre la traite des êtres humains.',
    citation: '[« Les six pays du COMMIT ont… »](carnet://source/example#example-a1) — *Hà Nội accueille la sixième conférence ministérielle*, VNA, 2025-11-19',
    comment: 'La déclaration de **Hà Nội**.',
    codes: 'Coopération régionale',
    title: 'Hà Nội accueille la sixième conférence ministérielle',
    date: '2025-11-19',
    page: '3',
    url: 'https://example.org/imm6',
  },
};
