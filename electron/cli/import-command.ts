import fs from 'node:fs/promises';
import path from 'node:path';
import { collectFiles } from '../importers/collect-files.ts';
import { importIntoVault, MAX_IMPORT_BYTES, tooLargeReason, type ImportResult } from '../importers/import-into-vault.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/** `carnet import`: every file gets a line (imported, duplicate or failed); one bad file never stops the rest. */
export async function runImport(vault: Vault, paths: string[], json: boolean, io: CliIo): Promise<number> {
  const { files, skipped, missing } = await collectFiles(paths);
  const results: (ImportResult & { path: string })[] = missing.map((m) => ({ name: path.basename(m.path), path: m.path, status: 'failed' as const, reason: m.reason }));
  const started = Date.now();
  for (const [index, file] of files.entries()) {
    const name = path.basename(file.path);
    let result: ImportResult;
    if (file.size > MAX_IMPORT_BYTES) {
      result = { name, status: 'failed', reason: tooLargeReason(file.size) };
    } else {
      const bytes = await fs.readFile(file.path).catch((error: Error) => error);
      result = bytes instanceof Error ? { name, status: 'failed', reason: `Could not read the file: ${bytes.message}` } : await importIntoVault(vault, { name, bytes });
    }
    results.push({ ...result, path: file.path });
    if (!json) io.err(`[${index + 1}/${files.length}] ${describe(result)}`);
  }
  const counts = {
    imported: results.filter((r) => r.status === 'imported').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    failed: results.filter((r) => r.status === 'failed').length,
    skipped,
  };
  if (json) {
    io.out(JSON.stringify({ counts, seconds: (Date.now() - started) / 1000, results }, null, 2));
  } else {
    io.out(`${counts.imported} imported, ${counts.duplicates} already in the vault, ${counts.failed} failed${skipped ? `, ${skipped} files in other formats skipped` : ''}.`);
    for (const failed of results.filter((r) => r.status === 'failed')) io.out(`  failed: ${failed.path}: ${failed.status === 'failed' ? failed.reason : ''}`);
  }
  return counts.failed > 0 ? 1 : 0;
}

function describe(result: ImportResult): string {
  switch (result.status) {
    case 'imported':
      return `imported   ${result.name} — ${result.title}${result.published ? ` (${result.published})` : ''}`;
    case 'duplicate':
      return `duplicate  ${result.name} — already in the vault as "${result.existingTitle}"`;
    case 'failed':
      return `failed     ${result.name} — ${result.reason}`;
  }
}
