import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { EXPORT_FORMATS, exportFile, type ExportFormat } from '../export/export-file.ts';
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
}

export async function runExport(vault: Vault, options: ExportOptions, io: CliIo): Promise<number> {
  const format = options.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new CarnetError('invalid-input', `Say which format with --format ${EXPORT_FORMATS.join('|')}.`);
  const ids = options.sources?.split(',').map((id) => id.trim()).filter(Boolean);
  const { text, count } = exportFile(vault, format, ids);
  if (!options.out) {
    io.out(text.replace(/\n$/, ''));
    return 0;
  }
  const file = path.resolve(options.out);
  await fs.writeFile(file, text, 'utf8').catch((error: unknown) => Promise.reject(fileSystemError(error, file)));
  io.err(`Exported ${count} ${format === 'matrix' || format === 'cooccurrence' ? 'row' : 'passage'}${count === 1 ? '' : 's'} to ${file}.`);
  return 0;
}
