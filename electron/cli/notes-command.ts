import { CarnetError } from '../core/carnet-error.ts';
import { foldName } from '../vault/text-fold.ts';
import type { Vault } from '../vault/vault.ts';
import type { NoteSummary } from '../vault/vault-records.ts';
import type { CliIo } from './carnet.ts';

/**
 * `carnet notes`: the vault's notes, by title, optionally those with one tag. A tag matches with or
 * without its `#`, whatever its case and accents, as people type it (`#Mékong`, `mekong`).
 */
export function runNotes(vault: Vault, tag: string | undefined, json: boolean, io: CliIo): number {
  const wanted = tag === undefined ? null : tagKey(tag);
  if (wanted === '') throw new CarnetError('invalid-input', 'Say which tag: carnet notes --vault DIR --tag TAG');
  const notes = vault
    .listNotes()
    .filter((note) => wanted === null || note.tags.some((t) => tagKey(t) === wanted))
    .sort((a, b) => foldName(a.title).localeCompare(foldName(b.title)) || a.path.localeCompare(b.path));
  if (json) {
    io.out(JSON.stringify(notes.map(publicNote), null, 2));
    return 0;
  }
  const about = tag === undefined ? '' : ` tagged #${tag.trim().replace(/^#+/, '')}`;
  io.out(notes.length === 0 ? `No notes${about}.` : `${notes.length} note${notes.length === 1 ? '' : 's'}${about}:`);
  for (const note of notes) {
    const tags = note.tags.length ? `  ${note.tags.map((t) => `#${t}`).join(' ')}` : '';
    io.out(`  ${note.title}${tags} — updated ${note.updated.slice(0, 16).replace('T', ' ')} — ${note.path}`);
  }
  return 0;
}

function tagKey(tag: string): string {
  return foldName(tag.trim().replace(/^#+/, ''));
}

function publicNote(note: NoteSummary): Pick<NoteSummary, 'id' | 'title' | 'tags' | 'updated' | 'path' | 'aliases'> {
  const { id, title, tags, updated, path, aliases } = note;
  return { id, title, tags, updated, path, ...(aliases ? { aliases } : {}) };
}
