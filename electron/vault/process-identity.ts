import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';
import { isNodeError } from '../core/carnet-error.ts';

/**
 * Who is this process, and is the process a PID names still the one that was recorded. A PID alone
 * does not say: it is reused once its process is gone, and every process of a boot is gone after a
 * reboot. So a process is named by its PID, its start (as the system tells it) and the boot it ran in.
 *
 * The boot is Linux's boot id where there is one; elsewhere (Windows, macOS, BSD) it is the machine's
 * boot time, `Date.now() - os.uptime()`, which is only known to a few seconds and moves when the
 * wall clock is stepped: two boot times are the same boot within BOOT_TIME_TOLERANCE_MS.
 */

/** This process, as recorded in a lock it takes. */
export interface SelfIdentity {
  /** As `processStart` tells it for our own PID; null where unknown. */
  startTime: string | null;
  /** Linux's boot id; null elsewhere. */
  bootId: string | null;
}

/** What a lock recorded about the boot its owner ran in. */
export interface RecordedBoot {
  bootId?: string | null;
  /** The boot time, ms since the epoch (rounded to the second). */
  bootTime?: number | null;
  /** When the lock was written (ISO), which a reboot necessarily follows. */
  since: string;
}

/** Two boot times further apart than this are two boots (the computed time jitters by a second or so, and by small clock corrections). */
export const BOOT_TIME_TOLERANCE_MS = 60_000;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat's starttime: 100 on every mainstream architecture (checked against our own start below). */
const USER_HZ = 100;
/** `ps` must never hang an open. */
const PS_TIMEOUT_MS = 1_000;
/** `ps -o lstart` has a one-second resolution: two readings of one start may straddle a second. */
const PS_START_SLACK_MS = 2_000;

const execFileAsync = promisify(execFile);

let selfIdentity: Promise<SelfIdentity> | null = null;

export function self(): Promise<SelfIdentity> {
  selfIdentity ??= (async () => ({ startTime: await processStart(process.pid), bootId: await readBootId() }))();
  return selfIdentity;
}

/** The machine's boot time now, in ms since the epoch rounded to the second; null if unknown. Read afresh: it follows clock steps. */
export function bootTime(): number | null {
  try {
    const uptime = os.uptime();
    if (!Number.isFinite(uptime) || uptime <= 0) return null;
    return Math.round((Date.now() - uptime * 1000) / 1000) * 1000;
  } catch {
    return null;
  }
}

/**
 * Whether the machine rebooted since `recorded` was written: then every process of that boot is gone.
 * Boot ids decide where both sides have one; else the recorded boot time, if any, against today's.
 * A boot time alone also needs the lock to predate today's boot, as it must after a real reboot: a
 * clock stepped back (which moves the computed boot time) does not pass for one.
 */
export async function rebootedSince(recorded: RecordedBoot): Promise<boolean> {
  const { bootId } = await self();
  if (recorded.bootId && bootId) return recorded.bootId !== bootId;
  if (typeof recorded.bootTime !== 'number' || !Number.isFinite(recorded.bootTime)) return false; // Older locks: the start time and a live PID decide.
  const now = bootTime();
  if (now === null || Math.abs(now - recorded.bootTime) <= BOOT_TIME_TOLERANCE_MS) return false;
  const since = Date.parse(recorded.since);
  return Number.isFinite(since) && since < now;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isNodeError(error, 'ESRCH'); // EPERM: alive, someone else's.
  }
}

/**
 * Whether the process `pid` now is the one that started at `recorded` (as `processStart` told it);
 * null if its start cannot be read now (gone, or hidden from us).
 */
export async function sameStart(pid: number, recorded: string): Promise<boolean | null> {
  const started = await processStart(pid);
  if (started === null) return null;
  if (started === recorded || process.platform === 'linux') return started === recorded;
  // `ps` times: ours are UTC and say so; a lock from an older Carnet has local time, read as local time here.
  const [then, now] = [Date.parse(recorded), Date.parse(started)];
  return Number.isFinite(then) && Number.isFinite(now) && Math.abs(then - now) <= PS_START_SLACK_MS;
}

async function readBootId(): Promise<string | null> {
  if (process.platform !== 'linux') return null; // Elsewhere the boot time stands in (`bootTime`).
  const text = await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '');
  return text.trim() || null;
}

/** The process's start, as a string that a reused PID will not repeat; null if unknown. */
export async function processStart(pid: number): Promise<string | null> {
  if (process.platform === 'linux') return (await linuxStartTicks(pid))?.toString() ?? null;
  if (process.platform === 'win32') return null; // No quick, dependable way there: the nonce, the boot time and a live PID decide.
  return psStart(pid);
}

/** Field 22 of /proc/<pid>/stat: the start, in clock ticks since boot. */
async function linuxStartTicks(pid: number): Promise<number | null> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]); // fields[0] is field 3.
  return Number.isFinite(ticks) ? ticks : null;
}

/** `ps -o lstart=` in UTC, marked as such: the owner's time zone may change while it runs, and the reader's may differ. */
async function psStart(pid: number): Promise<string | null> {
  try {
    // LC_ALL=C: the writer and the reader of a lock must spell the date the same way.
    const { stdout } = await execFileAsync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      timeout: PS_TIMEOUT_MS,
      windowsHide: true,
      env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
    });
    const lstart = stdout.trim();
    return lstart ? `${lstart} UTC` : null;
  } catch {
    return null; // No such process, no ps, or too slow.
  }
}

/** When the process started, in ms since the epoch; null if unknown. */
export async function processStartedAt(pid: number): Promise<number | null> {
  if (process.platform === 'linux') {
    const bootMs = await linuxBootMs();
    const ticks = await linuxStartTicks(pid);
    return bootMs === null || ticks === null ? null : bootMs + (ticks * 1000) / USER_HZ;
  }
  const lstart = await processStart(pid);
  const ms = lstart === null ? NaN : Date.parse(lstart);
  return Number.isFinite(ms) ? ms : null;
}

/** The boot time from /proc/stat, trusted only if it dates our own start right (else USER_HZ is not 100 here). */
async function linuxBootMs(): Promise<number | null> {
  const text = await fs.readFile('/proc/stat', 'utf8').catch(() => '');
  const btime = Number(/^btime (\d+)$/m.exec(text)?.[1]);
  const ownTicks = await linuxStartTicks(process.pid);
  if (!Number.isFinite(btime) || ownTicks === null) return null;
  const bootMs = btime * 1000;
  return Math.abs(bootMs + (ownTicks * 1000) / USER_HZ - performance.timeOrigin) < 5_000 ? bootMs : null;
}
