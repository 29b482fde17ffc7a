import type { CitationStyle, MethodInput, SearchQuery } from '../../electron/api.ts';

/** What the Export dialog offers, and how a choice becomes one `exportFile` request. */

export type What = 'annotations' | 'references' | 'notes' | 'codebook' | 'project' | 'matrix' | 'cooccurrence' | 'backup';
export const WHATS: What[] = ['annotations', 'references', 'notes', 'codebook', 'project', 'matrix', 'cooccurrence', 'backup'];

export type AnnotationFormat = 'csv' | 'markdown' | 'w3c';
export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json' | 'bibliography';
/** `pdf` is the HTML export, printed by the browser (or Electron's Chromium) to a PDF. */
export type NoteFormat = 'docx' | 'note-html' | 'pdf' | 'note-markdown';
export const ANNOTATION_FORMATS: AnnotationFormat[] = ['csv', 'markdown', 'w3c'];
export const REFERENCE_FORMATS: ReferenceFormat[] = ['bibtex', 'ris', 'csl-json', 'bibliography'];
export const NOTE_FORMATS: NoteFormat[] = ['docx', 'note-html', 'pdf', 'note-markdown'];

/** A search the Export dialog was opened from, with what its list showed. */
export interface SearchToExport {
  query: SearchQuery;
  passages: number;
  sources: number;
}

/** Which sources or passages: the open one, some chosen, those of a code, a search's, or all. */
export type Scope =
  | { kind: 'source'; id: string }
  | { kind: 'chosen'; ids: string[] }
  | { kind: 'code'; id: string }
  | { kind: 'search'; query: SearchQuery }
  | { kind: 'vault' };

export interface ExportChoice {
  what: What;
  scope: Scope;
  annotationFormat: AnnotationFormat;
  referenceFormat: ReferenceFormat;
  noteFormat: NoteFormat;
  /** The notes: one, or every note of the vault (undefined). */
  noteId: string | undefined;
  style: CitationStyle;
}

export type ExportRequest = MethodInput<'exportFile'>;

export function exportRequest(choice: ExportChoice): ExportRequest {
  const { what, style } = choice;
  if (what === 'notes') {
    const format = choice.noteFormat === 'pdf' ? 'note-html' : choice.noteFormat;
    return { format, style, ...(choice.noteId ? { noteIds: [choice.noteId] } : {}) };
  }
  if (what === 'annotations') return { format: choice.annotationFormat, ...scopeFields(choice.scope) };
  if (what === 'references') return { format: choice.referenceFormat, style, ...scopeFields(choice.scope) };
  const format = ({ codebook: 'qdc', project: 'qdpx', backup: 'zip', matrix: 'matrix', cooccurrence: 'cooccurrence' } as const)[what];
  return { format };
}

function scopeFields(scope: Scope): Partial<ExportRequest> {
  switch (scope.kind) {
    case 'source':
      return { sourceIds: [scope.id] };
    case 'chosen':
      return { sourceIds: scope.ids };
    case 'code':
      return { codeIds: [scope.id] };
    case 'search':
      return { search: scope.query };
    case 'vault':
      return {};
  }
}

/** Whether the choice can be exported as it stands (a chosen scope with nothing chosen cannot). */
export function scopeReady(choice: ExportChoice): boolean {
  if (choice.what !== 'annotations' && choice.what !== 'references') return true;
  return choice.scope.kind !== 'chosen' || choice.scope.ids.length > 0;
}
