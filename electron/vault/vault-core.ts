import fs from 'node:fs/promises';
import path from 'node:path';
import { CarnetError, type Bilingual } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { assertInside, atomicWrite } from './atomic-write.ts';
import { readVaultFile } from './vault-files.ts';
import type { VaultIndex } from './vault-index.ts';
import type { VaultChange } from './vault-records.ts';

type ChangeListener = (changes: VaultChange[]) => void;

/**
 * What every store of an open vault shares: its root, its in-memory index, the one queue its
 * writes go through, and the listeners told of changes. The stores (sources, notes, annotations,
 * trash, caches) each write their own kind of file through here.
 */
export class VaultCore {
  readonly root: string;
  readonly index: VaultIndex;
  readonly readOnlyReason: Bilingual | null;
  private readonly listeners = new Set<ChangeListener>();
  /** Writes run one after another, so two saves never interleave their read-compare-write. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when the vault closes: its lock is about to go, so no write may start after it. */
  private closed = false;

  constructor(root: string, index: VaultIndex, readOnlyReason: Bilingual | null) {
    this.root = root;
    this.index = index;
    this.readOnlyReason = readOnlyReason;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for queued writes, then forgets the listeners. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
    this.listeners.clear();
  }

  async write<T>(task: () => Promise<T>): Promise<T> {
    if (this.readOnlyReason) throw new CarnetError('read-only', this.readOnlyReason);
    if (this.closed) {
      throw new CarnetError('no-vault', {
        en: 'This vault was closed before the change could be saved: nothing was written. Open the vault again and redo the change.',
        fr: 'Ce coffre a été fermé avant que la modification soit enregistrée : rien n’a été écrit. Rouvrez le coffre et refaites la modification.',
      });
    }
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Re-reads files (after a hand edit the watcher saw, or our own moves) and tells listeners what changed. */
  async reload(relatives: string[]): Promise<void> {
    const changes: VaultChange[] = [];
    for (const relative of relatives) changes.push(...(await this.index.load(relative)));
    this.emit(changes);
  }

  emit(changes: VaultChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  /**
   * Refuses to write over a file changed since the caller read it, or one that cannot be read.
   * Returns the text it checked (null when the file does not exist yet), so a caller keeping the
   * version it replaces needs no second read.
   */
  async assertUnchanged(relative: string, baseRevision: string | null, what: Bilingual): Promise<string | null> {
    const current = await readVaultFile(this.root, relative);
    const currentRevision = current.ok ? current.revision : null;
    if (!current.ok && !current.missing) throw cannotOverwrite(what, relative, current.message);
    if (currentRevision !== baseRevision) {
      await this.reload([relative]);
      // A file that is there but does not parse was not "changed by someone": it cannot be read.
      const problem = this.index.problems.get(relative);
      if (problem) throw cannotOverwrite(what, relative, problem.message);
      if (current.ok === false && current.missing && baseRevision !== null) {
        throw new CarnetError('conflict', {
          en: `Did not save ${what.en}: ${relative} was deleted or renamed outside this window since you opened it. Copy your text, then create it again.`,
          fr: `Carnet n’a pas enregistré ${what.fr} : ${relative} a été supprimé ou renommé hors de cette fenêtre depuis que vous l’avez ouvert. Copiez votre texte, puis recréez-le.`,
        });
      }
      throw new CarnetError('conflict', {
        en: `Did not save ${what.en}: ${relative} was changed outside this window since you opened it. Its new version is loaded; copy your text before reopening it.`,
        fr: `Carnet n’a pas enregistré ${what.fr} : ${relative} a été modifié hors de cette fenêtre depuis que vous l’avez ouvert. Sa nouvelle version est chargée ; copiez votre texte avant de la rouvrir.`,
      });
    }
    return current.ok ? current.text : null;
  }

  /** Writes a vault file atomically and reads it back at once, so the watcher sees nothing new. */
  async writeTracked(relative: string, content: string): Promise<void> {
    await this.makeFolder(path.posix.dirname(relative));
    await atomicWrite(path.join(this.root, relative), content, { within: this.root, label: relative });
    await this.reload([relative]);
    const problem = this.index.problems.get(relative);
    if (problem) {
      throw new CarnetError('io', {
        en: `Saved ${relative}, but it does not read back: ${problem.message.en}`,
        fr: `${relative} a été enregistré, mais ne se relit pas : ${problem.message.fr}`,
      });
    }
  }

  /** Makes a vault folder, refusing one that a link would put outside the vault. */
  async makeFolder(relative: string): Promise<void> {
    const absolute = path.join(this.root, relative);
    await assertInside(this.root, absolute, relative);
    await fs.mkdir(absolute, { recursive: true }).catch((error: unknown) => Promise.reject(fileSystemError(error, relative)));
    await assertInside(this.root, absolute, relative);
  }
}

function cannotOverwrite(what: Bilingual, relative: string, reason: Bilingual): CarnetError {
  return new CarnetError('unreadable', {
    en: `Did not save ${what.en}: ${relative} cannot be read (${reason.en}) and Carnet never overwrites what it cannot read. Fix or move that file, then save again.`,
    fr: `Carnet n’a pas enregistré ${what.fr} : ${relative} ne peut pas être lu (${reason.fr}) et Carnet n’écrase jamais ce qu’il ne peut pas lire. Réparez ou déplacez ce fichier, puis enregistrez de nouveau.`,
  });
}

export function notFound(kind: 'source' | 'note', id: string): CarnetError {
  return new CarnetError('not-found', {
    en: `No ${kind} with id "${id}" in this vault: it may have been deleted or renamed outside Carnet.`,
    fr: `Aucune ${kind} d’identifiant « ${id} » dans ce coffre : elle a peut-être été supprimée ou renommée hors de Carnet.`,
  });
}
