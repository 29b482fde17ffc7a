import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CarnetError, isNodeError } from '../core/carnet-error.ts';
import { fileSystemError } from '../core/fs-errors.ts';
import { bootTime, isAlive, processStartedAt, rebootedSince, sameStart, self } from './process-identity.ts';

/**
 * The single-writer lock, `.carnet/lock`. Hand-written rather than proper-lockfile because
 * staleness here means "the process that took it is gone", which a PID and start-time check
 * answers at once, where mtime-based libraries need a refresh timer and a timeout guess.
 *
 * The lock names its owner by host, PID, the process's start time and the boot it ran in (see
 * process-identity.ts), so a PID reused by an unrelated process (or after a reboot) does not hold the
 * vault forever; and a random nonce, so an owner only ever removes its own lock.
 *
 * Taking over a stale lock is a race between every Carnet that finds it. Deleting what one read as
 * stale is not safe (by then it may be a live lock a faster racer just created), so a takeover first
 * claims that exact stale content: it creates `lock.claim-<hash of the content>` with O_EXCL, which
 * exactly one racer can do. Under the claim it checks the lock is still that very file (same bytes,
 * same inode, same mtime), removes it, and drops the claim; then everyone races `open(lock, 'wx')`
 * again, which has exactly one winner. A live lock is never moved or removed by anyone but its
 * owner. A claim whose claimant died mid-takeover is itself stale and is taken over the same way.
 */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Random per lock: tells this lock from any other, whatever its PID. Absent in locks written before it existed. */
  nonce?: string;
  /** The owner process's start as the system tells it (Linux: clock ticks since boot; macOS and BSD: `ps -o lstart=`); null where unknown. */
  startTime?: string | null;
  /** Linux's boot id when the lock was taken: a different one means the machine rebooted since. */
  bootId?: string | null;
  /** The machine's boot time when the lock was taken (ms since the epoch): the boot's identity where there is no boot id. Absent in older locks. */
  bootTime?: number | null;
}

/** A lock (or claim) file as read: its bytes and which file it was, to tell it from a later one. */
interface Snapshot {
  text: string;
  ino: number;
  dev: number;
  mtimeMs: number;
  owner: LockOwner | null;
}

type Verdict = { kind: 'held'; owner: LockOwner } | { kind: 'opening' } | { kind: 'stale' };

/** Windows refused to create or open the file, as it does while one of that name awaits deletion. */
type Busy = { kind: 'busy'; error: unknown };
type Creation = { kind: 'created' } | { kind: 'exists' } | Busy;
/** What kept an acquire waiting, to say when patience runs out. */
type Obstacle = { kind: 'takeover' } | { kind: 'opening' } | Busy;

/** An empty or unparsable lock younger than this may still be being written by its owner. */
const HALF_WRITTEN_MS = 5_000;
/** A claim from another machine (no PID to check there) older than this was abandoned: a takeover lasts milliseconds. */
const FOREIGN_CLAIM_MS = 30_000;
/** How long to keep retrying while other Carnets are mid-takeover or still writing the lock before giving up. */
const TAKEOVER_PATIENCE_MS = 5_000;
/** A claim's claimant died mid-takeover: claims of claims, this deep at most. */
const MAX_CLAIM_DEPTH = 2;
/** Old-format locks: a process that started this long after the lock was written cannot be its owner (room for clock steps). */
const CLOCK_SLACK_MS = 30_000;
/** Between looks at a lock another Carnet is still writing (or that Windows is deleting). */
const RETRY_MS = 50;
/** The lock as named to the user. */
const LOCK_TARGET = '.carnet/lock';

export class VaultLock {
  private released = false;
  readonly file: string;
  readonly owner: LockOwner;

  private constructor(file: string, owner: LockOwner) {
    this.file = file;
    this.owner = owner;
  }

  /** Takes the lock, or says in the user's words why not: no raw file-system error comes out of here. */
  static async acquire(vaultRoot: string): Promise<VaultLock> {
    try {
      const { file, owner } = await take(vaultRoot);
      return new VaultLock(file, owner);
    } catch (error) {
      throw fileSystemError(error, LOCK_TARGET);
    }
  }

  /** Removes the lock only if it is still ours: a lock someone else holds is never touched. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      const seen = await snapshot(this.file);
      if (seen?.owner && seen.owner.nonce === this.owner.nonce) await fs.rm(this.file, { force: true });
    } catch (error) {
      throw fileSystemError(error, LOCK_TARGET);
    }
  }
}

async function take(vaultRoot: string): Promise<{ file: string; owner: LockOwner }> {
  const dir = path.join(vaultRoot, '.carnet');
  await fs.mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw isNodeError(error, 'EEXIST') ? Object.assign(new Error(error.message), { code: 'ENOTDIR' }) : error; // A file named .carnet.
  });
  const file = path.join(dir, 'lock');
  const me = await self();
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    nonce: randomBytes(16).toString('hex'),
    startTime: me.startTime,
    bootId: me.bootId,
    bootTime: bootTime(),
  };
  const deadline = Date.now() + TAKEOVER_PATIENCE_MS;
  let obstacle: Obstacle = { kind: 'takeover' };
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0 && Date.now() > deadline) throw gaveUp(obstacle);
    const created = await createExclusive(file, owner);
    if (created.kind === 'created') return { file, owner };
    const seen = created.kind === 'exists' ? await snapshot(file).catch(busyOnWindows) : created;
    if (seen && 'error' in seen) {
      obstacle = seen; // Windows: a lock being deleted can be neither created nor read for a moment.
      await sleep(RETRY_MS);
      continue;
    }
    if (!seen) continue; // Released between our open and our read: try again.
    const verdict = await judgeLock(seen);
    if (verdict.kind === 'held') throw lockedError(verdict.owner);
    if (verdict.kind === 'opening') {
      // Its owner is still writing it: it will soon name a live owner, or be gone, or (after a crash) grow stale.
      obstacle = verdict;
      await sleep(RETRY_MS + Math.random() * RETRY_MS);
      continue;
    }
    // Dead owner, a reused PID, a reboot, or a lock file left half-written by a crash: take it over.
    obstacle = { kind: 'takeover' };
    if ((await removeStale(file, seen, owner, 0)) === 'wait') await sleep(5 + Math.random() * 20);
  }
}

/** Patience ran out: say what kept us waiting. */
function gaveUp(obstacle: Obstacle): CarnetError {
  if (obstacle.kind === 'busy') return fileSystemError(obstacle.error, LOCK_TARGET); // Still refused after the whole wait: not a passing deletion.
  if (obstacle.kind === 'opening') {
    return new CarnetError('locked', {
      en: 'Another Carnet is opening this vault at this very moment. Wait a few seconds and try again, or open this vault read-only.',
      fr: 'Un autre Carnet est en train d’ouvrir ce coffre à l’instant même. Patientez quelques secondes puis réessayez, ou ouvrez ce coffre en lecture seule.',
    });
  }
  return new CarnetError('locked', {
    en: 'Could not take the vault lock: other Carnet processes keep taking it over. Nothing was changed. Try again in a moment.',
    fr: 'Impossible de prendre le verrou du coffre : d’autres processus Carnet le reprennent sans cesse. Rien n’a été modifié. Réessayez dans un instant.',
  });
}

function lockedError(holder: LockOwner): CarnetError {
  const sameHost = holder.host === os.hostname();
  return new CarnetError('locked', {
    en: `This vault is already open in another Carnet window (${sameHost ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`}, since ${holder.since}). Close it there, or open this vault read-only. If no other Carnet is running (after a crash), delete .carnet/lock in the vault folder.`,
    fr: `Ce coffre est déjà ouvert dans une autre fenêtre de Carnet (${sameHost ? `processus ${holder.pid}` : `processus ${holder.pid} sur ${holder.host}`}, depuis ${holder.since}). Fermez-le là-bas, ou ouvrez ce coffre en lecture seule. Si aucun autre Carnet n’est ouvert (après un plantage), supprimez .carnet/lock dans le dossier du coffre.`,
  });
}

/** Creates `file` holding `owner` if no such file exists. Never leaves a half-written file of its own behind. */
async function createExclusive(file: string, owner: LockOwner): Promise<Creation> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return { kind: 'exists' };
    return busyOnWindows(error);
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true }); // Ours, just created, unreadable to others as a live lock: safe to remove.
    throw error;
  }
  await handle.close();
  return { kind: 'created' };
}

/** A lock (or claim) just released or taken over may await deletion on Windows, which says EPERM then: wait, as for a busy lock. */
function busyOnWindows(error: unknown): Busy {
  if (process.platform === 'win32' && (isNodeError(error, 'EPERM') || isNodeError(error, 'EACCES'))) return { kind: 'busy', error };
  throw error;
}

/**
 * Removes the lock `seen` if it is still that very file, claiming it first so that one racer at most
 * does. 'again': the lock changed or is gone, look again now; 'wait': someone else is taking it over.
 */
async function removeStale(file: string, seen: Snapshot, claimant: LockOwner, depth: number): Promise<'again' | 'wait'> {
  const claim = `${file}.claim-${createHash('sha256').update(seen.text).digest('hex').slice(0, 16)}`;
  const created = await createExclusive(claim, claimant);
  if (created.kind === 'busy') return 'wait'; // A claim of that name is being deleted: its claimant just finished.
  if (created.kind === 'exists') {
    const other = await snapshot(claim);
    if (!other) return 'again'; // The other claimant just finished.
    if (depth >= MAX_CLAIM_DEPTH || !(await isStaleClaim(other))) return 'wait';
    // Its claimant died mid-takeover: take the claim over the same way, then start again.
    await removeStale(claim, other, claimant, depth + 1);
    return 'again';
  }
  try {
    // Holding the claim, nobody else removes this content: if it is still there, it is still the stale file.
    const now = await snapshot(file);
    if (now && sameFile(now, seen)) await fs.rm(file, { force: true });
    return 'again';
  } finally {
    await fs.rm(claim, { force: true });
  }
}

function sameFile(a: Snapshot, b: Snapshot): boolean {
  return a.text === b.text && a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs;
}

async function snapshot(file: string): Promise<Snapshot | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return null;
    throw error;
  }
  try {
    // One handle for both: the bytes and the identity belong to the same file.
    const stat = await handle.stat();
    const text = await handle.readFile('utf8');
    return { text, ino: stat.ino, dev: stat.dev, mtimeMs: stat.mtimeMs, owner: parseOwner(text) };
  } finally {
    await handle.close();
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner> | null;
    if (parsed && typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      const owner: LockOwner = { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? 'unknown') };
      if (typeof parsed.nonce === 'string') {
        owner.nonce = parsed.nonce;
        owner.startTime = typeof parsed.startTime === 'string' ? parsed.startTime : null;
        owner.bootId = typeof parsed.bootId === 'string' ? parsed.bootId : null;
        owner.bootTime = typeof parsed.bootTime === 'number' && Number.isFinite(parsed.bootTime) ? parsed.bootTime : null;
      }
      return owner;
    }
  } catch {
    // Unparsable: the half-written case.
  }
  return null;
}

async function judgeLock(seen: Snapshot): Promise<Verdict> {
  if (!seen.owner) return Math.abs(Date.now() - seen.mtimeMs) < HALF_WRITTEN_MS ? { kind: 'opening' } : { kind: 'stale' };
  return (await isStale(seen.owner)) ? { kind: 'stale' } : { kind: 'held', owner: seen.owner };
}

async function isStaleClaim(seen: Snapshot): Promise<boolean> {
  const age = Math.abs(Date.now() - seen.mtimeMs);
  if (!seen.owner) return age >= HALF_WRITTEN_MS;
  if (seen.owner.host !== os.hostname()) return age >= FOREIGN_CLAIM_MS;
  return isStale(seen.owner);
}

async function isStale(owner: LockOwner): Promise<boolean> {
  if (owner.host !== os.hostname()) return false; // Cannot see another machine's processes (a shared drive): assume alive.
  if (!Number.isSafeInteger(owner.pid) || owner.pid <= 0) return true; // No process has such a PID (and kill() would read it as a group).
  if (await rebootedSince(owner)) return true; // Every process of then is gone.
  if (!isAlive(owner.pid)) return true;
  if (owner.nonce !== undefined) {
    if (!owner.startTime) return false; // No start time on this platform: a live PID holds it.
    const same = await sameStart(owner.pid, owner.startTime);
    if (same === null) return !isAlive(owner.pid); // Died meanwhile, or hidden from us: only the former frees it.
    return !same; // The PID now belongs to another process.
  }
  // A lock from before start times were recorded (pid, host, since): a live PID holds it, unless that
  // process cannot be a Carnet. Init is not; nor are we (we write the new format); nor is a process
  // that started after the lock was written.
  if (owner.pid === 1 || owner.pid === process.pid) return true;
  const startedAt = await processStartedAt(owner.pid);
  const since = Date.parse(owner.since);
  return startedAt !== null && Number.isFinite(since) && startedAt > since + CLOCK_SLACK_MS;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
