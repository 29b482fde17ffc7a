import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';

/**
 * The single-writer lock, `.carnet/lock`. Hand-written rather than proper-lockfile because
 * staleness here means "the process that took it is dead", which a PID check answers at once,
 * where mtime-based libraries need a refresh timer and a timeout guess.
 */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export class VaultLock {
  private released = false;
  readonly file: string;
  readonly owner: LockOwner;

  private constructor(file: string, owner: LockOwner) {
    this.file = file;
    this.owner = owner;
  }

  static async acquire(vaultRoot: string): Promise<VaultLock> {
    const dir = path.join(vaultRoot, '.carnet');
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'lock');
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await fs.open(file, 'wx');
        try {
          await handle.writeFile(JSON.stringify(owner));
          await handle.sync();
        } finally {
          await handle.close();
        }
        return new VaultLock(file, owner);
      } catch (error) {
        if (!isNodeError(error, 'EEXIST')) throw error;
      }
      const holder = await readOwner(file);
      if (holder && !isStale(holder)) {
        const where = holder.host === os.hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
        throw new CarnetError(
          'locked',
          `This vault is already open in another Carnet window (${where}, since ${holder.since}). Close it there, or open this vault read-only.`,
        );
      }
      // Dead owner, or a lock file left half-written by a crash: take it over.
      await fs.rm(file, { force: true });
    }
    throw new CarnetError('locked', 'Could not take the vault lock: another Carnet keeps taking it. Try again in a moment.');
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const holder = await readOwner(this.file);
    if (holder && holder.pid === this.owner.pid && holder.host === this.owner.host) await fs.rm(this.file, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? 'unknown') };
    }
  } catch {
    // Unparsable: fall through to the half-written case.
  }
  const stat = await fs.stat(file).catch(() => null);
  // A lock written a moment ago may still be being written by its owner: leave it to them.
  if (stat && Date.now() - stat.mtimeMs < 5_000) return { pid: -1, host: os.hostname(), since: stat.mtime.toISOString() };
  return null;
}

function isStale(owner: LockOwner): boolean {
  if (owner.pid === -1) return false;
  if (owner.host !== os.hostname()) return false; // Cannot see another machine's processes (a shared drive): assume alive.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return isNodeError(error, 'ESRCH');
  }
}
