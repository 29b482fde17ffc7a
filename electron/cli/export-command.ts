import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { EXPORT_FORMATS, exportContent, isBinaryFormat, type ExportFormat, type ExportScope } from '../export/export-file.ts';
import { CITATION_STYLES, isCitationStyle, type CitationStyle } from '../export/citation-styles.ts';
import { backupVault } from '../export/vault-backup.ts';
import { restoreVault } from '../export/vault-restore.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';
import { codeIdsByName } from './code-names.ts';

/**
 * `carnet export`: what the Export dialog makes, from a terminal: the annotated passages (W3C Web
 * Annotation JSON-LD, CSV, Markdown), the code tables, the sources as references, the codebook, a
 * REFI-QDA project, notes (Markdown, HTML, DOCX) or the whole vault as a backup; for the whole vault
 * or some sources, codes (sub-codes included) or notes. Text goes to a file with `--out`, else to
 * standard output; a binary file (DOCX, QDPX, ZIP) needs `--out`.
 */

export interface ExportOptions {
  format: string | undefined;
  /** Source ids, each value possibly several separated by commas; all sources when absent. */
  sources?: string[] | string | undefined;
  out: string | undefined;
  /** Note ids, as sources, for the note formats; all notes when absent. */
  notes?: string[] | string | undefined;
  /** Code names, paths ("Parent/Child") or ids, as sources; passages with any of them or a sub-code. */
  codes?: string[] | undefined;
  /** The references' style; the vault's when absent. */
  style?: string | undefined;
}

const UNITS: Partial<Record<ExportFormat, string>> = {
  matrix: 'row',
  cooccurrence: 'row',
  'csl-json': 'reference',
  bibtex: 'reference',
  ris: 'reference',
  bibliography: 'reference',
  qdc: 'code',
  'note-markdown': 'note',
  'note-html': 'note',
  html: 'note',
  docx: 'note',
};

/** The formats each scope option narrows; any other format would quietly export more than asked, so it is refused. */
const NOTE_FORMATS = ['note-markdown', 'note-html', 'html', 'docx'];
const SCOPE_OPTIONS: { option: '--source' | '--code' | '--note'; given: (options: ExportOptions) => boolean; formats: string[] }[] = [
  { option: '--source', given: (o) => Boolean(o.sources), formats: ['w3c', 'csv', 'markdown', 'matrix', 'csl-json', 'bibtex', 'ris', 'bibliography'] },
  { option: '--code', given: (o) => Boolean(o.codes?.length), formats: ['w3c', 'csv', 'markdown', 'matrix', 'cooccurrence', 'csl-json', 'bibtex', 'ris', 'bibliography'] },
  { option: '--note', given: (o) => Boolean(o.notes), formats: NOTE_FORMATS },
];

export async function runExport(vault: Vault, options: ExportOptions, io: CliIo): Promise<number> {
  for (const { option, given, formats } of SCOPE_OPTIONS) {
    if (options.format && given(options) && !formats.includes(options.format)) throw new CarnetError('invalid-input', `--format ${options.format} always covers the whole vault: ${option} does not narrow it (it narrows ${formats.join(', ')}).`);
  }
  if (options.format === 'zip') return backup(vault, options.out, io);
  const format = options.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new CarnetError('invalid-input', `Say which format with --format ${EXPORT_FORMATS.join('|')}.`);
  if (options.style !== undefined && !isCitationStyle(options.style)) throw new CarnetError('invalid-input', `--style takes ${CITATION_STYLES.join(', ')}.`);
  if (format === 'qdpx' && !options.out) throw new CarnetError('invalid-input', 'Say where to write the project with --out FILE.qdpx.');
  if (isBinaryFormat(format) && !options.out) throw new CarnetError('invalid-input', `A .${format} file is not text for a terminal: say where to write it with --out FILE.${format}.`);
  const sourceIds = ids(options.sources);
  const noteIds = ids(options.notes);
  const scope: ExportScope = {
    ...(sourceIds ? { sourceIds } : {}),
    ...(noteIds ? { noteIds } : {}),
    ...(options.codes?.length ? { codeIds: codeIdsByName(vault.codebook().codes, options.codes) } : {}),
    ...(options.style ? { style: options.style as CitationStyle } : {}),
  };
  const content = await exportContent(vault, format, scope);
  if (!options.out) {
    io.out('text' in content ? content.text.replace(/\n$/, '') : '');
    return 0;
  }
  const file = path.resolve(options.out);
  await fs.writeFile(file, 'text' in content ? content.text : content.bytes).catch((error: unknown) => Promise.reject(fileSystemError(error, file)));
  const { count } = content;
  if (format === 'qdpx') io.err(`Exported ${count} source${count === 1 ? '' : 's'} with their coded passages, the codebook and the notes to ${file}.`);
  else io.err(`Exported ${count} ${UNITS[format] ?? 'passage'}${count === 1 ? '' : 's'} to ${file}.`);
  return 0;
}

/** Ids given as repeated options or separated by commas, or undefined when none is given. */
function ids(values: string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (Array.isArray(values) ? values : [values]).flatMap((value) => value.split(',')).map((id) => id.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** The whole vault as one .zip, which `carnet restore` makes into a vault again. */
async function backup(vault: Vault, out: string | undefined, io: CliIo): Promise<number> {
  if (!out) throw new CarnetError('invalid-input', 'Say where to write the backup with --out FILE.zip.');
  const result = await backupVault(vault.root, out);
  io.err(`Backed up ${result.files} file${result.files === 1 ? '' : 's'} (${(result.bytes / 1048576).toFixed(1)} MB) to ${result.file}.`);
  for (const link of result.skippedLinks) io.err(`Left out ${link}: it is a link, and a backup holds the vault's own files.`);
  return 0;
}

/** `carnet restore ZIP DIR`: a backup made into a vault in a new or empty folder. */
export async function runRestore(zip: string | undefined, dir: string | undefined, json: boolean, io: CliIo): Promise<number> {
  if (!zip || !dir) throw new CarnetError('invalid-input', 'Say which backup and where: carnet restore BACKUP.zip DIR.');
  const { files, folder } = await restoreVault(path.resolve(zip), dir);
  io.out(json ? JSON.stringify({ restored: { folder, files } }, null, 2) : `Restored ${files} file${files === 1 ? '' : 's'} into ${folder}.`);
  return 0;
}
