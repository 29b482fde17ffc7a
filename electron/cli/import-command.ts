import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { collectFiles } from '../importers/collect-files.ts';
import { importIntoVault, isCaptureName, learnFromBatch, MAX_IMPORT_BYTES, tooLargeReason, type ImportResult } from '../importers/import-into-vault.ts';
import { MAX_LEARNT_BYTES, type LearntCapture } from '../vault/site-chrome-store.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/**
 * `carnet import`: every file gets a line (imported, duplicate or failed); one bad file never stops the rest.
 * Links inside folders are not followed; each gets a line saying why (they are not failures: the exit code ignores them).
 */
export async function runImport(vault: Vault, paths: string[], json: boolean, io: CliIo): Promise<number> {
  const { files, skipped, missing, links } = await collectFiles(paths);
  const results: (ImportResult & { path: string })[] = missing.map((m) => ({ name: path.basename(m.path), path: m.path, status: 'failed' as const, reason: m.reason }));
  const started = Date.now();
  const batch = await learnBatch(files);
  for (const [index, file] of files.entries()) {
    const name = path.basename(file.path);
    let result: ImportResult;
    if (file.size > MAX_IMPORT_BYTES) {
      result = { name, status: 'failed', reason: tooLargeReason(file.size) };
    } else {
      // A file found in a folder was not a link when listed: O_NOFOLLOW keeps it so if it is swapped for one since.
      const flag = file.inFolder ? constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) : 'r';
      const bytes = await fs.readFile(file.path, { flag }).catch((error: Error) => error);
      const others = [...batch].filter(([at]) => at !== file.path).map(([, capture]) => capture);
      result = bytes instanceof Error ? { name, status: 'failed', reason: `Could not read the file: ${bytes.message}` } : await importIntoVault(vault, { name, bytes }, 'en', { batch: others });
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
    const notFollowed = links.map((link) => ({ name: path.basename(link.path), path: link.path, kind: link.kind, reason: link.reason.en }));
    io.out(JSON.stringify({ counts, seconds: (Date.now() - started) / 1000, results, links: notFollowed }, null, 2));
  } else {
    const linkCount = links.length ? `, ${links.length} ${links.length === 1 ? 'link' : 'links'} not followed` : '';
    io.out(`${counts.imported} imported, ${counts.duplicates} already in the vault, ${counts.failed} failed${skipped ? `, ${skipped} files in other formats skipped` : ''}${linkCount}.`);
    for (const failed of results.filter((r) => r.status === 'failed')) io.out(`  failed: ${failed.path}: ${failed.status === 'failed' ? failed.reason : ''}`);
    // The CLI speaks English throughout; the French text is there for the fronts that show it.
    for (const link of links) io.out(`  not followed: ${link.reason.en}`);
  }
  return counts.failed > 0 ? 1 : 0;
}

/** The batch's text captures, read first, so that captures of one site imported together teach each other its chrome. */
async function learnBatch(files: { path: string; size: number; inFolder: boolean }[]): Promise<Map<string, LearntCapture>> {
  const batch = new Map<string, LearntCapture>();
  const captures = files.filter((file) => isCaptureName(file.path) && file.size <= MAX_LEARNT_BYTES);
  if (captures.length < 2) return batch;
  for (const file of captures) {
    const flag = file.inFolder ? constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) : 'r';
    const bytes = await fs.readFile(file.path, { flag }).catch(() => null);
    const learnt = bytes && learnFromBatch({ name: path.basename(file.path), bytes });
    if (learnt) batch.set(file.path, learnt);
  }
  return batch;
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
