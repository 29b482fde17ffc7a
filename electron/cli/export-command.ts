import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { exportedPassages } from '../export/passages.ts';
import { annotationsCsv } from '../export/annotations-csv.ts';
import { w3cCollection } from '../export/w3c-annotations.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/**
 * `carnet export`: the vault's annotations as W3C Web Annotation JSON-LD (`--format w3c`) or as
 * CSV for a spreadsheet (`--format csv`), for the whole vault or some sources; to a file with
 * `--out`, else to standard output.
 */

export const EXPORT_FORMATS = ['w3c', 'csv'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
  for (const id of ids ?? []) vault.getSource(id);
  const passages = exportedPassages(vault, ids);
  const text =
    format === 'csv'
      ? annotationsCsv(passages)
      : `${JSON.stringify(w3cCollection(passages, { vaultId: vault.manifest.id, label: ids?.length === 1 ? vault.getSource(ids[0]!).title : vault.manifest.name, now: new Date().toISOString() }), null, 2)}\n`;
  if (!options.out) {
    io.out(text.replace(/\n$/, ''));
    return 0;
  }
  const file = path.resolve(options.out);
  await fs.writeFile(file, text, 'utf8').catch((error: unknown) => Promise.reject(fileSystemError(error, file)));
  io.err(`Exported ${passages.length} passage${passages.length === 1 ? '' : 's'} to ${file}.`);
  return 0;
}
