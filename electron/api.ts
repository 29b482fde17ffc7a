import { z } from 'zod';
import {
  annotationSchema,
  codebookSchema,
  idSchema,
  SOURCE_TYPES,
  type Codebook,
} from './vault/vault-schemas.ts';
import type { ImportResult } from './importers/import-result.ts';
import type { SearchResults, SearchHit, SearchQuery, SearchStatus } from './search/search-types.ts';
import type {
  AnnotationAnchor,
  AnnotationList,
  AnnotationState,
  CodeCooccurrence,
  CodeMatrix,
  CodeSummary,
  CodedPassage,
  HighlightColor,
  PassageQuery,
  VaultSettings,
  LinkPlace,
  NoteDetail,
  NoteLinks,
  NoteSummary,
  NoteVersion,
  NoteVersionSummary,
  OutgoingLink,
  Problem,
  SourceDetail,
  SourceSummary,
  TrashEntry,
  VaultChange,
  VaultInfo,
} from './vault/vault-records.ts';
import type { Citation, CitationState, CitedIn, CitingPlace, MissingWhat } from './vault/citation-records.ts';
import { EXPORT_FORMATS, type ExportedFile, type ExportFormat } from './export/exported-file.ts';
import { CITATION_STYLES, type CitationStyle } from './export/citation-styles.ts';

/**
 * The contract between the renderer and the Node side: every method with the schema of its
 * argument, every event with its payload. The preload bridge, the web host and the renderer's
 * client are all derived from this one list; adding a capability is one entry here and one handler.
 * The renderer imports this file for its types only.
 */

export type { Citation, CitationState, CitedIn, CitingPlace, MissingWhat, ExportedFile, ExportFormat };
export type { CitationStyle };

export type {
  AnnotationAnchor,
  AnnotationList,
  AnnotationState,
  CodeCooccurrence,
  CodeMatrix,
  CodeSummary,
  CodedPassage,
  HighlightColor,
  PassageQuery,
  VaultSettings,
  LinkPlace,
  NoteDetail,
  NoteLinks,
  NoteSummary,
  NoteVersion,
  NoteVersionSummary,
  OutgoingLink,
  Problem,
  SourceDetail,
  SourceSummary,
  TrashEntry,
  VaultChange,
  VaultInfo,
};
export type { Annotation, Code, Codebook, SourceType } from './vault/vault-schemas.ts';
export { SOURCE_TYPES };
export type { ImportResult } from './importers/import-result.ts';
export type { SearchResults, SearchHit, SearchQuery, SearchStatus };

/** The largest file or paste Carnet imports (checked again by the importer). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The largest image a note may hold (attachment-store.ts says so in the user's language). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const none = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();
const folderPath = z.string().min(1, 'Give a folder.').max(4096).refine((p) => !p.includes('\0'), 'A path cannot contain NUL.');
const revision = z.string().regex(/^[0-9a-f]{16}$/);
const optionalDay = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'A date like 2025-11-19, or nothing.').optional();
const hexColorInput = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #d97706.');
const codeName = z.string().trim().min(1, 'A code needs a name.').max(200, 'A code name is limited to 200 characters.');
const annotationComment = z.string().max(1_000_000, 'A comment is limited to 1,000,000 characters.');

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const languageSchema = z.enum(['system', 'en', 'fr']);
export type ThemePreference = z.infer<typeof themeSchema>;
export type LanguagePreference = z.infer<typeof languageSchema>;

const searchQuerySchema = z
  .object({
    text: z.string().max(2000, 'A search is limited to 2,000 characters.'),
    kinds: z.array(z.enum(['source', 'note', 'annotation'])).optional(),
    codes: z.array(idSchema).max(100).optional(),
    tags: z.array(z.string().max(100)).max(100).optional(),
    publishers: z.array(z.string().max(500)).max(100).optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    asYouType: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const methodSchemas = {
  appInfo: none,
  getSettings: none,
  updateSettings: z.object({ theme: themeSchema.optional(), language: languageSchema.optional() }).strict(),
  /** Asks the front for a native folder picker; fronts without one answer null. */
  pickFolder: z.object({ purpose: z.enum(['open', 'create']) }).strict(),

  openVault: z.object({ path: folderPath, readOnly: z.boolean().optional() }).strict(),
  createVault: z.object({ path: folderPath, name: z.string().trim().max(200).optional() }).strict(),
  openSampleVault: none,
  forgetRecentVault: z.object({ path: folderPath }).strict(),
  vaultInfo: none,
  listProblems: none,

  listSources: none,
  getSource: byId,
  listNotes: none,
  getNote: byId,
  createNote: z.object({ title: z.string().trim().min(1, 'A note needs a title.').max(500), body: z.string().max(50_000_000).optional() }).strict(),
  saveNote: z
    .object({
      id: idSchema,
      title: z.string().trim().min(1, 'A note needs a title.').max(500),
      body: z.string().max(50_000_000, 'A note is limited to 50 million characters.'),
      tags: z.array(z.string().trim().min(1).max(100)).max(200),
      baseRevision: revision,
      /** The user chose this version over one changed on disk since: the other is kept in the trash. */
      replaceNewer: z.boolean().optional(),
    })
    .strict(),
  /** The earlier versions of a note, newest first. */
  listNoteHistory: byId,
  getNoteVersion: z.object({ id: idSchema, version: z.string().regex(/^[0-9TZ-]{20,40}$/, 'A version name from listNoteHistory.') }).strict(),
  /** The notes that link to this one, those that mention its title without a link, and where its own links lead. */
  noteLinks: byId,
  /** Makes the first unlinked mention of `targetId` on `line` (of the file, 1-based, as in noteLinks) of note `noteId` a link, saved like saveNote. */
  linkMention: z.object({ noteId: idSchema, targetId: idSchema, line: z.number().int().min(1).max(100_000_000), baseRevision: revision }).strict(),
  /**
   * An image pasted or dropped into a note, as base64; written to `attachments/` under a new name.
   * The cap here only bounds memory: the 20 MB limit is checked after decoding, with a message in the user's language.
   */
  saveAttachment: z
    .object({
      name: z.string().min(1).max(255),
      data: z
        .string()
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, `An image is limited to ${MAX_ATTACHMENT_BYTES / 1048576} MB.`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image data is not base64.'),
    })
    .strict(),

  updateSourceMetadata: z
    .object({
      id: idSchema,
      title: z.string().trim().min(1, 'A source needs a title.').max(1000),
      url: z.string().trim().max(4000).refine((u) => u === '' || /^https?:\/\//i.test(u), 'An address starts with http:// or https://.').optional(),
      publisher: z.string().trim().max(500).optional(),
      authors: z.array(z.string().trim().min(1).max(300)).max(1000),
      published: z.string().regex(/^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/, 'A date like 2025-11-19, 2025-11 or 2025, or nothing.').optional(),
      language: z.string().regex(/^([a-z]{2,3})?$/, 'A language code like fr or en, or nothing.').optional(),
      type: z.enum(SOURCE_TYPES).or(z.literal('')).optional(),
      container: z.string().trim().max(500).optional(),
      place: z.string().trim().max(200).optional(),
      accessed: optionalDay,
      pages: z.string().trim().max(50).optional(),
      doi: z.string().trim().max(300).regex(/^(10\.\d{4,9}\/\S+)?$/, 'A DOI like 10.1000/xyz123, or nothing.').optional(),
      archive: z.string().trim().max(500).optional(),
      identifier: z.string().trim().max(200).optional(),
      baseRevision: revision,
    })
    .strict(),
  /** Removes whole paragraphs, [from, to) of the body of revision `baseRevision`, from a source without annotations (a capture imported whole). */
  trimSource: z
    .object({ id: idSchema, baseRevision: revision, from: z.number().int().min(0).max(100_000_000), to: z.number().int().min(1).max(100_000_000) })
    .strict()
    .refine((r) => r.to > r.from, 'Choose at least one paragraph to remove.'),
  /** Puts back the body a trim replaced (`version`, from trimSource), or without `version` the body as imported. */
  restoreSourceBody: z.object({ id: idSchema, baseRevision: revision, version: z.string().regex(/^[0-9TZ-]{20,40}$/, 'A version name from trimSource.').optional() }).strict(),
  /** Reads a text capture's original again with its site's learnt chrome (refused when the source has annotations). */
  reextractSource: z.object({ id: idSchema, baseRevision: revision }).strict(),
  /** Clears a source's `extraction: uncertain`: the user checked its text. */
  markExtractionChecked: z.object({ id: idSchema, baseRevision: revision }).strict(),
  /** One file the user chose, dropped or pasted as a file; the bytes as base64. */
  importFile: z
    .object({
      name: z.string().min(1).max(255).refine((n) => !/[\\/\0]/.test(n), 'A file name, without folders.'),
      dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, `Carnet imports files up to ${MAX_IMPORT_BYTES / 1048576} MB.`),
    })
    .strict(),
  /** Notes (all when absent) printed to a PDF file the user picks, where the front can (the desktop app). */
  printToPdf: z.object({ noteIds: z.array(idSchema).max(10_000).optional(), style: z.enum(CITATION_STYLES).optional() }).strict(),
  /** A REFI-QDA codebook (.qdc) or project (.qdpx) whose codes are added to the vault's. */
  importCodebook: z
    .object({
      name: z.string().min(1).max(255).refine((n) => /\.(qdc|qdpx)$/i.test(n), 'A REFI-QDA codebook (.qdc) or project (.qdpx).'),
      dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, `Carnet reads codebooks up to ${MAX_IMPORT_BYTES / 1048576} MB.`),
    })
    .strict(),
  /** Text or HTML from the clipboard. */
  importPaste: z
    .object({ text: z.string().max(MAX_IMPORT_BYTES, 'The pasted text is too long to import (50 MB at most).').optional(), html: z.string().max(MAX_IMPORT_BYTES, 'The pasted page is too long to import (50 MB at most).').optional() })
    .strict()
    .refine((p) => (p.text ?? '').trim() !== '' || (p.html ?? '').trim() !== '', 'Nothing was pasted.'),

  listAnnotations: z.object({ sourceId: idSchema }).strict(),
  /** A new annotation on [start, end) of the source's body as the reader showed it; the selectors are computed here. */
  createAnnotation: z
    .object({
      sourceId: idSchema,
      /** The source's revision the reader showed: offsets into another body would mark the wrong words. */
      sourceRevision: revision,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      color: hexColorInput.optional(),
      codes: z.array(idSchema).max(500).optional(),
      comment: annotationComment.optional(),
    })
    .strict()
    .refine((a) => a.end > a.start, 'A passage needs at least one character.'),
  /** Changes what the user edits on a card; the passage itself stays. */
  /** `addCodes` / `removeCodes` apply to the codes in the file at that moment, so quick successive clicks (or two windows) never undo each other. */
  updateAnnotation: z
    .object({
      sourceId: idSchema,
      id: idSchema,
      color: hexColorInput.nullable().optional(),
      codes: z.array(idSchema).max(500).optional(),
      addCodes: z.array(idSchema).max(500).optional(),
      removeCodes: z.array(idSchema).max(500).optional(),
      comment: annotationComment.optional(),
    })
    .strict(),
  /** A passage found only approximately: `accept` rewrites its selectors to where it is now; `detach` keeps it with its quote, unplaced. */
  /** `attach`: the user chose the words (start, end in the body of revision `sourceRevision`) a lost or detached annotation belongs to. */
  resolveAnchor: z
    .object({ sourceId: idSchema, id: idSchema, action: z.enum(['accept', 'detach', 'attach']), start: z.number().int().min(0).optional(), end: z.number().int().min(1).optional(), sourceRevision: revision.optional() })
    .strict()
    .refine((r) => r.action !== 'attach' || (r.start !== undefined && r.end !== undefined && r.end > r.start && r.sourceRevision !== undefined), 'Choose the passage to attach the annotation to.'),
  /** Moves one annotation to the trash, restorable. */
  deleteAnnotation: z.object({ sourceId: idSchema, id: idSchema }).strict(),
  saveAnnotations: z.object({ sourceId: idSchema, annotations: z.array(annotationSchema), baseRevision: revision.nullable() }).strict(),
  listCodes: none,
  getCodebook: none,
  saveCodebook: z.object({ codebook: codebookSchema, baseRevision: revision.nullable() }).strict(),
  passagesWithCode: z.object({ codeId: idSchema }).strict(),
  createCode: z.object({ name: codeName, color: hexColorInput.optional(), description: z.string().max(10_000).optional(), parent: idSchema.optional() }).strict(),
  updateCode: z.object({ id: idSchema, name: codeName.optional(), color: hexColorInput.optional(), description: z.string().max(10_000).optional(), parent: idSchema.nullable().optional() }).strict(),
  /** Every passage coded `from` gets `into` instead; `from` goes to the trash. */
  mergeCodes: z.object({ from: idSchema, into: idSchema }).strict().refine((m) => m.from !== m.into, 'Choose two different codes.'),
  /** The code (and its sub-codes) to the trash; passages keep their other codes; restorable. */
  deleteCode: byId,
  queryPassages: z.object({ all: z.array(idSchema).max(200), any: z.array(idSchema).max(200), none: z.array(idSchema).max(200), sourceId: idSchema.optional() }).strict(),
  codeMatrix: none,
  codeCooccurrence: none,
  /** The passages behind one co-occurrence cell: coded `a` and overlapping (or equal to) one coded `b`. */
  cooccurringPassages: z.object({ a: idSchema, b: idSchema }).strict(),
  /** The citations of the vault's notes, checked against their sources; narrowed to a note, a source, some states. */
  listCitations: z
    .object({ noteId: idSchema.optional(), sourceId: idSchema.optional(), states: z.array(z.enum(['verified', 'changed', 'needs-review', 'missing'])).max(4).optional() })
    .strict(),
  /**
   * One export as a file for the Export dialog to save: its text, or (qdpx, docx, zip) its bytes in base64. Each field narrows
   * the export: sources; codes with their sub-codes; passages; what a search finds (its passages and the sources it finds,
   * all hits, not a page); notes, in order. `style` is the vault's when absent.
   */
  exportFile: z
    .object({
      format: z.enum(EXPORT_FORMATS),
      sourceIds: z.array(idSchema).max(10_000).optional(),
      codeIds: z.array(idSchema).max(10_000).optional(),
      annotationIds: z.array(idSchema).max(100_000).optional(),
      search: searchQuerySchema.optional(),
      noteIds: z.array(idSchema).max(10_000).optional(),
      style: z.enum(CITATION_STYLES).optional(),
    })
    .strict(),
  /** A quote template tried on an example passage, for the settings' preview. */
  previewQuoteTemplate: z.object({ template: z.string().max(4000), language: z.enum(['en', 'fr']) }).strict(),
  /** An annotated passage as Markdown after the vault's quote template, for the editor to insert. */
  quoteMarkdown: z.object({ sourceId: idSchema, annotationId: idSchema }).strict(),
  /** An annotated passage added at the end of a note, or of a new note (titled `title`, the source's title by default). */
  quoteInNote: z.object({ sourceId: idSchema, annotationId: idSchema, noteId: idSchema.optional(), title: z.string().max(500).optional() }).strict(),
  /** The notes citing a source, and per annotation the places citing it. */
  citedIn: z.object({ sourceId: idSchema }).strict(),
  /** Sources as an in-text citation or bibliography entries in a style (the vault's by default), as text and HTML, for "Copy citation". */
  formatReference: z.object({ sourceIds: z.array(idSchema).min(1).max(10_000), kind: z.enum(['citation', 'bibliography']), style: z.enum(CITATION_STYLES).optional() }).strict(),
  getVaultSettings: none,
  updateVaultSettings: z
    .object({ highlightColors: z.array(z.object({ color: hexColorInput, name: z.string().trim().max(60) }).strict()).length(5).optional(), quoteTemplate: z.string().max(4000, 'A template is limited to 4,000 characters.').optional(), citationStyle: z.enum(CITATION_STYLES).optional() })
    .strict(),

  deleteItem: z.object({ kind: z.enum(['source', 'note']), id: idSchema }).strict(),
  listTrash: none,
  restoreFromTrash: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/) }).strict(),

  search: searchQuerySchema,
  searchStatus: none,
  reindex: none,

  openExternal: z.object({ url: z.url({ protocol: /^https?$/ }) }).strict(),
} as const;

export type MethodName = keyof typeof methodSchemas;
export type MethodInput<M extends MethodName> = z.input<(typeof methodSchemas)[M]>;
export type MethodArgs<M extends MethodName> = z.output<(typeof methodSchemas)[M]>;

export interface RecentVault {
  path: string;
  name: string;
  opened: string;
}

export interface Settings {
  theme: ThemePreference;
  language: LanguagePreference;
  recentVaults: RecentVault[];
}

export interface AppInfo {
  version: string;
  /** Which front serves this window. */
  front: 'electron' | 'web';
  capabilities: { nativeFolderPicker: boolean; printToPdf: boolean };
  vault: VaultInfo | null;
  /** Why no vault is open (the last one could not be opened), in words for the user. */
  vaultError: string | null;
  settings: Settings;
}

export interface MethodOutputs {
  appInfo: AppInfo;
  getSettings: Settings;
  updateSettings: Settings;
  pickFolder: { path: string | null };
  openVault: VaultInfo;
  createVault: VaultInfo;
  openSampleVault: VaultInfo;
  forgetRecentVault: Settings;
  vaultInfo: VaultInfo;
  listProblems: Problem[];
  listSources: SourceSummary[];
  getSource: SourceDetail;
  listNotes: NoteSummary[];
  getNote: NoteDetail;
  createNote: NoteDetail;
  saveNote: NoteDetail;
  listNoteHistory: NoteVersionSummary[];
  getNoteVersion: NoteVersion;
  noteLinks: NoteLinks;
  linkMention: NoteDetail;
  saveAttachment: { path: string };
  updateSourceMetadata: SourceDetail;
  trimSource: { source: SourceDetail; version: string; removed: number };
  restoreSourceBody: SourceDetail;
  markExtractionChecked: SourceDetail;
  reextractSource: { source: SourceDetail; changed: boolean; wordsBefore: number; wordsAfter: number; version?: string };
  importFile: ImportResult;
  importCodebook: { added: number; kept: number };
  /** Where the PDF was saved, or null when the user cancelled. */
  printToPdf: { path: string | null; count: number };
  importPaste: ImportResult;
  listAnnotations: AnnotationList;
  saveAnnotations: AnnotationList;
  listCodes: CodeSummary[];
  getCodebook: Codebook & { revision: string | null };
  saveCodebook: Codebook & { revision: string | null };
  passagesWithCode: CodedPassage[];
  createAnnotation: AnnotationList & { id: string };
  updateAnnotation: AnnotationList;
  resolveAnchor: AnnotationList;
  deleteAnnotation: TrashEntry;
  createCode: CodeSummary;
  updateCode: CodeSummary;
  mergeCodes: { moved: number };
  deleteCode: TrashEntry;
  queryPassages: CodedPassage[];
  codeMatrix: CodeMatrix;
  codeCooccurrence: CodeCooccurrence;
  cooccurringPassages: CodedPassage[];
  listCitations: Citation[];
  citedIn: CitedIn;
  formatReference: { text: string; html: string };
  quoteMarkdown: { markdown: string };
  exportFile: ExportedFile;
  previewQuoteTemplate: { markdown: string };
  quoteInNote: NoteDetail;
  getVaultSettings: VaultSettings;
  updateVaultSettings: VaultSettings;
  deleteItem: TrashEntry;
  listTrash: TrashEntry[];
  restoreFromTrash: { restored: true };
  search: SearchResults;
  searchStatus: SearchStatus;
  reindex: SearchStatus;
  openExternal: { opened: boolean };
}

/** The API as the renderer calls it. */
export type CarnetApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutputs[M]> };

/** What a front implements: each handler gets its argument already validated. */
export type Handlers = { [M in MethodName]: (input: MethodArgs<M>) => Promise<MethodOutputs[M]> | MethodOutputs[M] };

/** Commands from a native menu, carried out by the renderer as if their shortcut had been pressed. */
export type MenuCommand = 'quickOpen' | 'searchPane' | 'import' | 'newNote' | 'openVault' | 'createVault' | 'toggleDetails' | 'toggleSplit' | 'back' | 'forward' | 'showTrash' | 'showProblems';

export interface EventPayloads {
  vaultChanged: { changes: VaultChange[] };
  vaultOpened: VaultInfo;
  vaultClosed: { reason: string };
  menuCommand: { command: MenuCommand };
  searchStatus: SearchStatus;
}
export type EventName = keyof EventPayloads;
export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;

export interface CarnetEvents {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/** Every reply crosses the boundary in this shape: no exceptions, no stack traces. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export { METHOD_CHANNEL_PREFIX, EVENT_CHANNEL, METHODS_ARGUMENT } from './api-channels.ts';

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methodSchemas, name);
}
