import { CarnetError } from '../core/carnet-error.ts';
import type { Vault } from '../vault/vault.ts';
import type { CliIo } from './carnet.ts';

/**
 * `carnet reextract`: reads text captures again from their originals, with the chrome their site's
 * other captures in the vault teach. One source (--source ID) or every one; a source with
 * annotations is never changed (they point into its text), nor one that is not a text capture.
 */

export type ReextractLine =
  | { id: string; title: string; status: 'reextracted'; wordsBefore: number; wordsAfter: number; uncertain: boolean }
  | { id: string; title: string; status: 'unchanged'; words: number }
  | { id: string; title: string; status: 'skipped'; reason: 'has annotations' | 'not a text capture' };

export async function runReextract(vault: Vault, sourceId: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const sources = vault.listSources();
  if (sourceId !== undefined && !sources.some((s) => s.id === sourceId)) throw new CarnetError('invalid-input', `No source has the id "${sourceId}".`);
  const chosen = sourceId === undefined ? sources.sort((a, b) => a.path.localeCompare(b.path)) : sources.filter((s) => s.id === sourceId);
  const lines: ReextractLine[] = [];
  for (const summary of chosen) {
    const { id, title } = summary;
    const refusal = await vault.reextractRefusal(id);
    if (refusal) {
      lines.push({ id, title, status: 'skipped', reason: refusal === 'annotations' ? 'has annotations' : 'not a text capture' });
      continue;
    }
    const result = await vault.reextractSource(id, vault.getSource(id).revision);
    lines.push(
      result.changed
        ? { id, title: result.source.title, status: 'reextracted', wordsBefore: result.wordsBefore, wordsAfter: result.wordsAfter, uncertain: result.source.extraction === 'uncertain' }
        : { id, title, status: 'unchanged', words: result.wordsAfter },
    );
  }
  const count = (status: ReextractLine['status']) => lines.filter((line) => line.status === status).length;
  const counts = { reextracted: count('reextracted'), unchanged: count('unchanged'), skipped: count('skipped') };
  if (json) {
    io.out(JSON.stringify({ counts, sources: lines }, null, 2));
    return 0;
  }
  for (const line of lines) io.out(`  ${describe(line)}`);
  io.out(`${counts.reextracted} re-extracted, ${counts.unchanged} unchanged, ${counts.skipped} skipped.`);
  return 0;
}

function describe(line: ReextractLine): string {
  switch (line.status) {
    case 'reextracted':
      return `re-extracted ${line.id} "${line.title}": ${line.wordsBefore} → ${line.wordsAfter} words${line.uncertain ? ' (still uncertain: open it to trim)' : ''}`;
    case 'unchanged':
      return `unchanged    ${line.id} "${line.title}" (${line.words} words)`;
    case 'skipped':
      return `skipped      ${line.id} "${line.title}": ${line.reason}`;
  }
}
