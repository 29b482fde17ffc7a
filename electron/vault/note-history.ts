import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError } from '../core/carnet-error.ts';
import { atomicWrite, isTemporaryName } from './atomic-write.ts';
import { parseFrontMatter } from './front-matter.ts';
import { noteMetaSchema } from './vault-schemas.ts';
import type { VaultCore } from './vault-core.ts';
import type { NoteVersion, NoteVersionSummary } from './vault-records.ts';

/**
 * `.carnet/history/<note-id>/<time>.md`: each version of a note as it was on disk before a save
 * replaced it, byte for byte. Bounded: the last 50 versions, plus the newest of each day for a month.
 */

const HISTORY_DIR = path.join('.carnet', 'history');
const KEEP_RECENT = 50;
const KEEP_DAYS = 30;
const VERSION_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d+)?\.md$/;

export class NoteHistory {
  private readonly core: VaultCore;

  constructor(core: VaultCore) {
    this.core = core;
  }

  /** Keeps the bytes a save is about to replace (the caller is inside a write); returns the version's name. */
  async keep(noteId: string, previous: string, when = new Date()): Promise<string> {
    const dir = `${HISTORY_DIR}/${noteId}`;
    await this.core.makeFolder(dir);
    const stamp = when.toISOString().replace(/[:.]/g, '-');
    // Two saves in the same millisecond: the second takes the next free name (a new file never replaces one).
    let kept = '';
    for (let n = 1; !kept; n++) {
      const name = n === 1 ? `${stamp}.md` : `${stamp}-${n}.md`;
      try {
        await atomicWrite(path.join(this.core.root, dir, name), previous, { within: this.core.root, label: `${dir}/${name}`, create: true });
        kept = name.slice(0, -3);
      } catch (error) {
        if (!(error instanceof CarnetError && error.code === 'conflict') || n >= 100) throw error;
      }
    }
    await this.prune(noteId, when);
    return kept;
  }

  /**
   * Takes back a version kept for a save that then failed (a full disk): the note still holds those
   * bytes, so the copy would only be a duplicate left behind. Best effort: the save's own error is
   * the one to report.
   */
  async discard(noteId: string, version: string): Promise<void> {
    if (!VERSION_NAME.test(`${version}.md`)) return;
    await fs.rm(path.join(this.core.root, HISTORY_DIR, noteId, `${version}.md`), { force: true }).catch(() => undefined);
  }

  async list(noteId: string): Promise<NoteVersionSummary[]> {
    const versions: NoteVersionSummary[] = [];
    for (const name of await this.names(noteId)) {
      const stat = await fs.stat(path.join(this.core.root, HISTORY_DIR, noteId, name)).catch(() => null);
      if (stat) versions.push({ version: name.slice(0, -3), saved: savedAt(name), size: stat.size });
    }
    return versions.sort((a, b) => b.version.localeCompare(a.version));
  }

  async get(noteId: string, version: string): Promise<NoteVersion> {
    const name = `${version}.md`;
    if (!VERSION_NAME.test(name)) throw noSuchVersion(version);
    const text = await fs.readFile(path.join(this.core.root, HISTORY_DIR, noteId, name), 'utf8').catch(() => null);
    if (text === null) throw noSuchVersion(version);
    // A version is shown even if its front matter no longer parses: the text is what the user wants back.
    let title = '';
    let body = text;
    try {
      const parsed = parseFrontMatter(text);
      body = parsed.body;
      const meta = noteMetaSchema.safeParse(parsed.data);
      title = meta.success ? meta.data.title : '';
    } catch {
      // Kept whole as the body.
    }
    return { version, saved: savedAt(name), title, body, text };
  }

  private async names(noteId: string): Promise<string[]> {
    const entries = await fs.readdir(path.join(this.core.root, HISTORY_DIR, noteId)).catch(() => [] as string[]);
    return entries.filter((name) => VERSION_NAME.test(name));
  }

  /** The newest 50, then the newest of each of the last 30 days; the rest goes. */
  private async prune(noteId: string, now: Date): Promise<void> {
    const dir = path.join(this.core.root, HISTORY_DIR, noteId);
    const entries = await fs.readdir(dir).catch(() => [] as string[]);
    // What a crash left while keeping a version is tidied here, where the folder is read anyway,
    // rather than by reading every note's history folder each time the vault opens.
    for (const name of entries.filter(isTemporaryName)) await fs.rm(path.join(dir, name), { force: true });
    const names = entries.filter((name) => VERSION_NAME.test(name)).sort().reverse();
    const keep = new Set(names.slice(0, KEEP_RECENT));
    const days = new Set<string>();
    const oldest = now.getTime() - KEEP_DAYS * 86_400_000;
    for (const name of names) {
      const day = name.slice(0, 10);
      if (Date.parse(savedAt(name)) >= oldest && !days.has(day)) {
        days.add(day);
        keep.add(name);
      }
    }
    for (const name of names) {
      if (!keep.has(name)) await fs.rm(path.join(dir, name), { force: true });
    }
  }
}

function savedAt(name: string): string {
  const [, stamp = ''] = VERSION_NAME.exec(name) ?? [];
  return stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
}

function noSuchVersion(version: string): CarnetError {
  return new CarnetError('not-found', {
    en: `This note has no earlier version "${version.slice(0, 60)}": it may have been pruned (Carnet keeps the last 50, and one a day for a month).`,
    fr: `Cette note n’a pas de version antérieure « ${version.slice(0, 60)} » : elle a peut-être été élaguée (Carnet garde les 50 dernières, et une par jour pendant un mois).`,
  });
}
