/**
 * What can leave Carnet, for the Export dialog and `carnet export` alike (no imports: the contract's
 * schema reads this list too).
 * - w3c, csv, markdown: the annotated passages (W3C Web Annotation JSON-LD, CSV, Markdown);
 * - matrix, cooccurrence: the code tables as CSV;
 * - csl-json, bibtex, ris, bibliography: the sources as references;
 * - qdc: the codebook; qdpx: the whole REFI-QDA project (binary);
 * - note-markdown, note-html (also named html), docx (binary): notes, citations resolved;
 * - zip: the whole vault as a backup (binary).
 */
export const EXPORT_FORMATS = ['w3c', 'csv', 'markdown', 'matrix', 'cooccurrence', 'csl-json', 'bibtex', 'ris', 'bibliography', 'qdc', 'qdpx', 'note-markdown', 'note-html', 'html', 'docx', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats whose file is bytes rather than text: `base64` instead of `text`. */
export const BINARY_EXPORT_FORMATS = ['qdpx', 'docx', 'zip'] as const satisfies readonly ExportFormat[];
export type BinaryExportFormat = (typeof BINARY_EXPORT_FORMATS)[number];
export type TextExportFormat = Exclude<ExportFormat, BinaryExportFormat>;

interface ExportedFileBase {
  fileName: string;
  mediaType: string;
  /** How many items it holds: passages, references, codes, table rows, notes, sources or files. */
  count: number;
}

/**
 * An export as the Export dialog saves it: a file's name, media type, and either its text (UTF-8)
 * or, for a binary file (DOCX, QDPX, ZIP), its bytes in base64. Exactly one of the two is present.
 */
export type ExportedFile = ExportedTextFile | (ExportedFileBase & { base64: string; text?: undefined });

/** The file of a text format. */
export type ExportedTextFile = ExportedFileBase & { text: string; base64?: undefined };
