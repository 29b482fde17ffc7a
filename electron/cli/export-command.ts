import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { EXPORT_FORMATS, exportFile, type ExportFormat } from '../export/export-file.ts';
import { backupVault } from '../export/vault-backup.ts';
import { qdaProject, qdpxArchive } from '../export/refi-qda.ts';
import { restoreVault } from '../export/vault-restore.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/**
 * `carnet export`: the vault's annotations as W3C Web Annotation JSON-LD, CSV or Markdown, for the
 * whole vault or some sources, and its code matrix or co-occurrence table as CSV; to a file with
 * `--out`, else to standard output.
 */

export interface ExportOptions {
  format: string | undefined;
  /** Source ids, separated by commas; all sources when absent. */
  sources: string | undefined;
  out: string | undefined;
  /** Note ids, separated by commas, for the note formats; all notes when absent. */
  notes?: string | undefined;
}

export async function runExport(vault: Vault, options: ExportOptions, io: CliIo): Promise<number> {
  if (options.format === 'zip') return backup(vault, options.out, io);
  if (options.format === 'qdpx') return qdpx(vault, options.out, io);
  const format = options.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new CarnetError('invalid-input', `Say which format with --format ${[...EXPORT_FORMATS, 'qdpx', 'zip'].join('|')}.`);
  const ids = options.sources?.split(',').map((id) => id.trim()).filter(Boolean);
  const { text, count } = await exportFile(vault, format, { ...(ids ? { sourceIds: ids } : {}), ...(options.notes ? { noteIds: options.notes.split(',').map((id) => id.trim()).filter(Boolean) } : {}) });
  if (!options.out) {
    io.out(text.replace(/\n$/, ''));
    return 0;
  }
  const file = path.resolve(options.out);
  await fs.writeFile(file, text, 'utf8').catch((error: unknown) => Promise.reject(fileSystemError(error, file)));
  const unit = format === 'matrix' || format === 'cooccurrence' ? 'row' : ['csl-json', 'bibtex', 'ris', 'bibliography'].includes(format) ? 'reference' : format === 'qdc' ? 'code' : format.startsWith('note-') ? 'note' : 'passage';
  io.err(`Exported ${count} ${unit}${count === 1 ? '' : 's'} to ${file}.`);
  return 0;
}

/** The whole vault as one .zip, which `carnet restore` makes into a vault again. */
async function backup(vault: Vault, out: string | undefined, io: CliIo): Promise<number> {
  if (!out) throw new CarnetError('invalid-input', 'Say where to write the backup with --out FILE.zip.');
  const result = await backupVault(vault.root, out);
  io.err(`Backed up ${result.files} file${result.files === 1 ? '' : 's'} (${(result.bytes / 1048576).toFixed(1)} MB) to ${result.file}.`);
  for (const link of result.skippedLinks) io.err(`Left out ${link}: it is a link, and a backup holds the vault's own files.`);
  return 0;
}

/** The vault as a REFI-QDA project, for ATLAS.ti, MAXQDA, NVivo and the like. */
async function qdpx(vault: Vault, out: string | undefined, io: CliIo): Promise<number> {
  if (!out) throw new CarnetError('invalid-input', 'Say where to write the project with --out FILE.qdpx.');
  const file = path.resolve(out);
  const project = qdaProject(vault);
  await fs.writeFile(file, await qdpxArchive(project)).catch((error: unknown) => Promise.reject(fileSystemError(error, file)));
  io.err(`Exported ${project.files.length} source${project.files.length === 1 ? '' : 's'} with their coded passages, the codebook and the notes to ${file}.`);
  return 0;
}

/** `carnet restore ZIP DIR`: a backup made into a vault in a new or empty folder. */
export async function runRestore(zip: string | undefined, dir: string | undefined, json: boolean, io: CliIo): Promise<number> {
  if (!zip || !dir) throw new CarnetError('invalid-input', 'Say which backup and where: carnet restore BACKUP.zip DIR.');
  const { files, folder } = await restoreVault(path.resolve(zip), dir);
  io.out(json ? JSON.stringify({ restored: { folder, files } }, null, 2) : `Restored ${files} file${files === 1 ? '' : 's'} into ${folder}.`);
  return 0;
}
