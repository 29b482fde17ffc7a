import { CarnetError } from '../core/carnet-error.ts';
import type { Vault } from '../vault/vault.ts';
import { codePaths, exportedPassages } from './passages.ts';
import { annotationsCsv } from './annotations-csv.ts';
import { annotationsMarkdown } from './annotations-markdown.ts';
import { cooccurrenceCsv, matrixCsv } from './code-tables-csv.ts';
import { w3cCollection } from './w3c-annotations.ts';
import { cslItem, formatCitations } from './source-citations.ts';
import { codebookXml } from './qdc-codebook.ts';
import { guidOf } from './refi-qda.ts';
import { notesHtml, notesMarkdown } from './note-export.ts';
import type { ExportedFile } from './exported-file.ts';

/** What can leave Carnet so far, for the Export dialog and `carnet export` alike. */
export const EXPORT_FORMATS = ['w3c', 'csv', 'markdown', 'matrix', 'cooccurrence', 'csl-json', 'bibtex', 'ris', 'bibliography', 'qdc', 'note-markdown', 'note-html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type { ExportedFile };

export interface ExportScope {
  sourceIds?: string[];
  /** For the note formats: which notes, in this order. */
  noteIds?: string[];
  language?: 'en' | 'fr';
}

/** One export, as text: the vault's annotations (or those of some sources), its references, codes or code tables, or notes. */
export async function exportFile(vault: Vault, format: ExportFormat, scope: ExportScope = {}, now = new Date()): Promise<ExportedFile> {
  const { sourceIds, noteIds, language = 'en' } = scope;
  for (const id of sourceIds ?? []) vault.getSource(id);
  const one = sourceIds?.length === 1 ? vault.getSource(sourceIds[0]!) : null;
  const base = fileBase(one?.title ?? vault.manifest.name);
  const codeName = codePaths(vault);
  switch (format) {
    case 'w3c': {
      const passages = exportedPassages(vault, sourceIds);
      const collection = w3cCollection(passages, { vaultId: vault.manifest.id, label: one?.title ?? vault.manifest.name, now: now.toISOString() });
      return { fileName: `${base}.annotations.jsonld`, mediaType: 'application/ld+json', text: `${JSON.stringify(collection, null, 2)}\n`, count: passages.length };
    }
    case 'csv': {
      const passages = exportedPassages(vault, sourceIds);
      return { fileName: `${base}.annotations.csv`, mediaType: 'text/csv', text: annotationsCsv(passages), count: passages.length };
    }
    case 'markdown': {
      const passages = exportedPassages(vault, sourceIds);
      return { fileName: `${base}.annotations.md`, mediaType: 'text/markdown', text: annotationsMarkdown(passages), count: passages.length };
    }
    case 'matrix': {
      const matrix = vault.codeMatrix();
      return { fileName: `${base}.code-matrix.csv`, mediaType: 'text/csv', text: matrixCsv(matrix, codeName), count: matrix.rows.length };
    }
    case 'cooccurrence': {
      const table = vault.codeCooccurrence();
      return { fileName: `${base}.co-occurrence.csv`, mediaType: 'text/csv', text: cooccurrenceCsv(table, codeName), count: table.pairs.length };
    }
    case 'csl-json':
    case 'bibtex':
    case 'ris':
    case 'bibliography': {
      const sources = vault.listSources().filter((source) => !sourceIds || sourceIds.includes(source.id));
      const text = formatCitations(sources.map(cslItem), format);
      const extension = { 'csl-json': 'csl.json', bibtex: 'bib', ris: 'ris', bibliography: 'bibliography.txt' }[format];
      const mediaType = { 'csl-json': 'application/vnd.citationstyles.csl+json', bibtex: 'application/x-bibtex', ris: 'application/x-research-info-systems', bibliography: 'text/plain' }[format];
      return { fileName: `${base}.${extension}`, mediaType, text, count: sources.length };
    }
    case 'qdc': {
      const codes = vault.codebook().codes;
      const text = codebookXml(codes, (id) => guidOf(`${vault.manifest.id}:code:${id}`));
      return { fileName: `${base}.qdc`, mediaType: 'application/xml', text, count: codes.length };
    }
    case 'note-markdown':
    case 'note-html': {
      const ids = noteIds?.length ? noteIds : vault.listNotes().map((note) => note.id);
      const named = ids.length === 1 ? fileBase(vault.getNote(ids[0]!).title) : base;
      const html = format === 'note-html';
      const text = html ? await notesHtml(vault, ids, language) : await notesMarkdown(vault, ids, language);
      return { fileName: `${named}.${html ? 'html' : 'md'}`, mediaType: html ? 'text/html' : 'text/markdown', text, count: ids.length };
    }
    default:
      throw new CarnetError('invalid-input', { en: `Carnet cannot export "${String(format)}".`, fr: `Carnet ne sait pas exporter « ${String(format)} ».` });
  }
}

/** A file name from a title: letters (accents kept), digits and dashes, short enough for every disk. */
function fileBase(title: string): string {
  const base = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return base || 'carnet';
}
