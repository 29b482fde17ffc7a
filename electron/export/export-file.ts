import { CarnetError } from '../core/carnet-error.ts';
import type { Vault } from '../vault/vault.ts';
import type { CodeCooccurrence, CodeMatrix } from '../vault/vault-records.ts';
import { codePaths } from './passages.ts';
import { annotationsCsv } from './annotations-csv.ts';
import { annotationsMarkdown } from './annotations-markdown.ts';
import { cooccurrenceCsv, matrixCsv } from './code-tables-csv.ts';
import { w3cCollection } from './w3c-annotations.ts';
import { cslItem, formatCitations, formatReference } from './source-citations.ts';
import type { CitationStyle } from './citation-styles.ts';
import { codebookXml } from './qdc-codebook.ts';
import { guidOf, qdaProject, qdpxArchive } from './refi-qda.ts';
import { notesHtml, notesMarkdown } from './note-export.ts';
import { notesDocx } from './note-docx.ts';
import { backupVaultBytes } from './vault-backup.ts';
import { resolveScope, type ExportScope, type ResolvedScope } from './export-scope.ts';
import { BINARY_EXPORT_FORMATS, EXPORT_FORMATS, type ExportedFile, type ExportedTextFile, type ExportFormat, type TextExportFormat } from './exported-file.ts';

/**
 * One export, for the Export dialog (`exportFile`: text, or bytes in base64 to cross the API) and
 * for `carnet export` (`exportContent`: text or bytes as they are): passages, code tables,
 * references, the codebook, a REFI-QDA project, notes, or the whole vault, within a scope.
 */

export { BINARY_EXPORT_FORMATS, EXPORT_FORMATS };
export type { ExportedFile, ExportedTextFile, ExportFormat, ExportScope, TextExportFormat };

export type ExportContent = { fileName: string; mediaType: string; count: number } & ({ text: string } | { bytes: Buffer });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function exportFile(vault: Vault, format: TextExportFormat, scope?: ExportScope, now?: Date): Promise<ExportedTextFile>;
export async function exportFile(vault: Vault, format: ExportFormat, scope?: ExportScope, now?: Date): Promise<ExportedFile>;
export async function exportFile(vault: Vault, format: ExportFormat, scope: ExportScope = {}, now = new Date()): Promise<ExportedFile> {
  const content = await exportContent(vault, format, scope, now);
  const { fileName, mediaType, count } = content;
  return 'bytes' in content ? { fileName, mediaType, count, base64: content.bytes.toString('base64') } : { fileName, mediaType, count, text: content.text };
}

export async function exportContent(vault: Vault, format: ExportFormat, scope: ExportScope = {}, now = new Date()): Promise<ExportContent> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CarnetError('invalid-input', { en: `Carnet cannot export "${String(format)}".`, fr: `Carnet ne sait pas exporter « ${String(format)} ».` });
  }
  const { language = 'en' } = scope;
  const within = resolveScope(vault, scope);
  const label = scopeLabel(vault, within);
  const base = fileBase(label);
  switch (format) {
    case 'w3c': {
      const passages = within.passages();
      const collection = w3cCollection(passages, { vaultId: vault.manifest.id, label, now: now.toISOString() });
      return { fileName: `${base}.annotations.jsonld`, mediaType: 'application/ld+json', text: `${JSON.stringify(collection, null, 2)}\n`, count: passages.length };
    }
    case 'csv': {
      const passages = within.passages();
      return { fileName: `${base}.annotations.csv`, mediaType: 'text/csv', text: annotationsCsv(passages), count: passages.length };
    }
    case 'markdown': {
      const passages = within.passages();
      const style = await styleOf(vault, scope);
      // Each source's reference as the vault's style writes it, what a reader of the file will cite.
      const reference = (source: { id: string }) => formatReference([cslItem(vault.getSource(source.id))], 'bibliography', style, language).text.trim();
      return { fileName: `${base}.annotations.md`, mediaType: 'text/markdown', text: annotationsMarkdown(passages, reference), count: passages.length };
    }
    case 'matrix': {
      const matrix = scopedMatrix(vault.codeMatrix(), within);
      return { fileName: `${base}.code-matrix.csv`, mediaType: 'text/csv', text: matrixCsv(matrix, codePaths(vault)), count: matrix.rows.length };
    }
    case 'cooccurrence': {
      const table = scopedCooccurrence(vault.codeCooccurrence(), within);
      return { fileName: `${base}.co-occurrence.csv`, mediaType: 'text/csv', text: cooccurrenceCsv(table, codePaths(vault)), count: table.pairs.length };
    }
    case 'csl-json':
    case 'bibtex':
    case 'ris':
    case 'bibliography': {
      const sources = within.sources();
      const text = formatCitations(sources.map(cslItem), format, language, await styleOf(vault, scope));
      const extension = { 'csl-json': 'csl.json', bibtex: 'bib', ris: 'ris', bibliography: 'bibliography.txt' }[format];
      const mediaType = { 'csl-json': 'application/vnd.citationstyles.csl+json', bibtex: 'application/x-bibtex', ris: 'application/x-research-info-systems', bibliography: 'text/plain' }[format];
      return { fileName: `${base}.${extension}`, mediaType, text, count: sources.length };
    }
    case 'qdc': {
      const codes = vault.codebook().codes.filter((code) => !within.codeIds || within.codeIds.has(code.id));
      const text = codebookXml(codes, (id) => guidOf(`${vault.manifest.id}:code:${id}`));
      return { fileName: `${base}.qdc`, mediaType: 'application/xml', text, count: codes.length };
    }
    case 'qdpx': {
      // The whole project: REFI-QDA tools expect every source with its codings and the whole codebook.
      const project = qdaProject(vault, now);
      return { fileName: `${fileBase(vault.manifest.name)}.qdpx`, mediaType: 'application/zip', bytes: await qdpxArchive(project), count: project.files.length };
    }
    case 'note-markdown':
    case 'note-html':
    case 'html':
    case 'docx': {
      const ids = within.noteIds();
      const named = ids.length === 1 ? fileBase(vault.getNote(ids[0]!).title) : fileBase(vault.manifest.name);
      const style = await styleOf(vault, scope);
      if (format === 'docx') return { fileName: `${named}.docx`, mediaType: DOCX, bytes: await notesDocx(vault, ids, language, style), count: ids.length };
      if (format === 'note-markdown') return { fileName: `${named}.md`, mediaType: 'text/markdown', text: await notesMarkdown(vault, ids, language, style), count: ids.length };
      return { fileName: `${named}.html`, mediaType: 'text/html', text: await notesHtml(vault, ids, language, style), count: ids.length };
    }
    case 'zip': {
      const backup = await backupVaultBytes(vault.root);
      return { fileName: `${fileBase(vault.manifest.name)}-${now.toISOString().slice(0, 10)}.zip`, mediaType: 'application/zip', bytes: backup.data, count: backup.files };
    }
  }
}

/** The style asked for, else the vault's (its settings read it, APA when it names none or none that reads). */
async function styleOf(vault: Vault, scope: ExportScope): Promise<CitationStyle> {
  return scope.style ?? (await vault.getVaultSettings()).citationStyle;
}

/** What the file is named after: the one source, the vault and the one code, or the vault. */
function scopeLabel(vault: Vault, within: ResolvedScope): string {
  if (within.sourceIds?.size === 1) return vault.getSource([...within.sourceIds][0]!).title;
  // Not the whole vault's name: a file of some sources or of a search must not pass for the vault's.
  if (within.searched?.trim()) return `${vault.manifest.name} ${within.searched}`;
  if (within.sourceIds && within.sourceIds.size > 1) return `${vault.manifest.name} ${within.sourceIds.size} sources`;
  const codes = within.codeIds ? vault.codebook().codes.filter((code) => within.codeIds!.has(code.id)) : [];
  const top = codes.filter((code) => code.parent === undefined || !within.codeIds!.has(code.parent));
  return top.length === 1 ? `${vault.manifest.name} ${top[0]!.name}` : vault.manifest.name;
}

/** The matrix's columns narrowed to the sources asked for, its rows to the codes asked for. */
function scopedMatrix(matrix: CodeMatrix, within: ResolvedScope): CodeMatrix {
  const sources = matrix.sources.filter((source) => !within.sourceIds || within.sourceIds.has(source.id));
  const rows = matrix.rows
    .filter((row) => !within.codeIds || within.codeIds.has(row.codeId))
    .map((row) => (within.sourceIds ? { ...row, total: sources.reduce((sum, source) => sum + (row.counts[source.id] ?? 0), 0) } : row));
  return { sources, rows };
}

/** The pairs with a code asked for (the whole vault's passages: a pair's count is not per source). */
function scopedCooccurrence(table: CodeCooccurrence, within: ResolvedScope): CodeCooccurrence {
  return { pairs: table.pairs.filter((pair) => !within.codeIds || within.codeIds.has(pair.a) || within.codeIds.has(pair.b)) };
}

/** A file name from a title: letters (accents kept), digits and dashes, short enough for every disk. */
function fileBase(title: string): string {
  const base = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return base || 'carnet';
}

export function isBinaryFormat(format: ExportFormat): format is (typeof BINARY_EXPORT_FORMATS)[number] {
  return (BINARY_EXPORT_FORMATS as readonly ExportFormat[]).includes(format);
}
