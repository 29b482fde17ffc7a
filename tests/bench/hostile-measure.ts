/**
 * What the hostile benchmark counts: one row of the table, file snapshots (lost or changed files,
 * escapes), and the measure of one attack (worst ping, event-loop lag, RSS, what was logged).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import type { Bench } from './hostile-harness.ts';

/** An errno code, a JS error name, a stack frame or a leaked "undefined": not a message for a researcher. */
const RAW = /\bE(NOSPC|ACCES|PERM|IO|NOENT|LOOP|ISDIR|NOTDIR|ROFS|EXIST|NOMEM|MFILE|BUSY|INVAL|XDEV|2BIG)\b|Maximum call stack|RangeError|TypeError|ReferenceError|SyntaxError|\n\s+at |\.ts:\d+|\bundefined\b|\[object /;

export function isClear(message: string | undefined): boolean {
  return message !== undefined && message.trim().length >= 15 && !RAW.test(message);
}

export const short = (text: string, length = 100): string => text.replace(/\s+/g, ' ').trim().slice(0, length);

/** One row of the table: what was tried, how it fared, and every defect seen, in words. */
export class Row {
  attempts = 0;
  handled = 0;
  lost = 0;
  escapes = 0;
  worstPingMs = 0;
  worstLagMs = 0;
  /** Pings answered during the row: the worst round-trip is over these. */
  pings = 0;
  /** False for rows whose attack runs in other processes (the CLI, lock racers): their pings show the machine's load, not the app's. */
  hostInvolved = true;
  peakRssMb = 0;
  baseRssMb = 0;
  message = '';
  skipped = '';
  readonly extras: string[] = [];
  readonly defects: string[] = [];
  readonly n: number;
  readonly name: string;

  constructor(n: number, name: string) {
    this.n = n;
    this.name = name;
  }

  /** One attempt: handled when it went as it should and what the user was told is clear. */
  attempt(wentRight: boolean, message: string, why = ''): void {
    this.attempts++;
    const clear = isClear(message);
    if (wentRight && clear) {
      this.handled++;
      if (!this.message) this.message = short(message);
    } else {
      const what = wentRight ? 'unclear or raw message' : why || 'did not go as it should';
      this.defect(`attempt ${this.attempts}: ${what} — message: "${short(message, 300)}"`);
    }
  }

  defect(text: string): void {
    if (!this.defects.includes(text)) this.defects.push(text);
  }

  /** Files of the vault removed or changed that the attack had no business changing. */
  lose(paths: string[], when: string): void {
    if (paths.length === 0) return;
    this.lost += paths.length;
    this.defect(`${when}: ${paths.length} file(s) lost or changed: ${paths.slice(0, 8).join(', ')}`);
  }

  escape(paths: string[], when: string): void {
    if (paths.length === 0) return;
    this.escapes += paths.length;
    this.defect(`${when}: escape: ${paths.slice(0, 8).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Snapshots: every file's sha256 (a link's target instead of following it).

export type Snapshot = Map<string, string>;

export async function snapshot(root: string, skip: (relative: string) => boolean = isCache): Promise<Snapshot> {
  const files: Snapshot = new Map();
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (skip(relative)) continue;
    if (entry.isSymbolicLink()) files.set(relative, `link:${await fs.readlink(full).catch(() => '?')}`);
    else if (entry.isFile()) files.set(relative, createHash('sha256').update(await fs.readFile(full)).digest('hex'));
  }
  return files;
}

/** The search index is a cache rebuilt at will; the lock is rewritten whenever the vault is opened again. */
export const isCache = (relative: string): boolean => relative.startsWith('.carnet/index') || relative === '.carnet/lock';

export interface Changes {
  added: string[];
  removed: string[];
  changed: string[];
}

export function compare(before: Snapshot, after: Snapshot): Changes {
  const changes: Changes = { added: [], removed: [], changed: [] };
  for (const [file, hash] of before) {
    const now = after.get(file);
    if (now === undefined) changes.removed.push(file);
    else if (now !== hash) changes.changed.push(file);
  }
  for (const file of after.keys()) if (!before.has(file)) changes.added.push(file);
  return changes;
}

/** Removed or changed files not allowed to be. */
export function losses(changes: Changes, allowed: (relative: string) => boolean = () => false): string[] {
  return [...changes.removed, ...changes.changed].filter((file) => !allowed(file));
}

export const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

// ---------------------------------------------------------------------------------------------
// Measuring one row: worst ping, event-loop lag and RSS, escapes, and what was logged.

const MB = 1048576;

export interface Lap {
  pingMs: number;
  lagMs: number;
  peakRssMb: number;
}

/** Files outside every vault that no attack may create, change or remove. */
async function escapeSnapshot(bench: Bench): Promise<Snapshot> {
  const files = await snapshot(bench.outside, () => false);
  for (const file of [path.join(bench.base, 'outside.txt'), '/etc/passwd', '/etc/hostname']) {
    const bytes = await fs.readFile(file).catch(() => null);
    files.set(file, bytes === null ? 'missing' : sha256(bytes));
  }
  return files;
}

/**
 * Runs `work` while the pinger and the event-loop monitor watch; `lap()` closes a segment (one
 * import of a row, say) and returns its figures. Anything thrown is a defect of the row, not the end of the bench.
 */
export async function measure(bench: Bench, row: Row, work: (lap: () => Promise<Lap>) => Promise<void>): Promise<void> {
  const outsideBefore = await escapeSnapshot(bench);
  const loggedBefore = bench.logged.length;
  const rssBefore = process.memoryUsage.rss() / MB;
  row.baseRssMb = row.baseRssMb === 0 ? rssBefore : Math.min(row.baseRssMb, rssBefore);
  await bench.pinger.mark();
  bench.lag.reset();
  const lap = async (): Promise<Lap> => {
    const report = await bench.pinger.mark();
    const lagMs = bench.lag.max / 1e6;
    bench.lag.reset();
    const figures = { pingMs: report.worst, lagMs, peakRssMb: report.peakRss / MB };
    row.worstPingMs = Math.max(row.worstPingMs, figures.pingMs);
    row.pings += report.count;
    row.worstLagMs = Math.max(row.worstLagMs, figures.lagMs);
    row.peakRssMb = Math.max(row.peakRssMb, figures.peakRssMb);
    if (report.errors > 0) row.defect(`${report.errors} of ${report.count} pings failed (the host did not answer 200)`);
    return figures;
  };
  try {
    await work(lap);
  } catch (error) {
    row.defect(`the attack stopped on an unexpected error: ${short(format(error), 400)}`);
  }
  // A few idle pings more: whatever the attack set off in the background (a reload, a reindex) is counted too.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await lap();
  const changes = compare(outsideBefore, await escapeSnapshot(bench));
  row.escape([...changes.added.map((f) => `created ${f}`), ...changes.removed.map((f) => `removed ${f}`), ...changes.changed.map((f) => `changed ${f}`)], 'outside the vault');
  if ((globalThis as { __pwned?: unknown }).__pwned !== undefined) {
    row.escape(['a script from an imported page ran in the app process (globalThis.__pwned is set)'], 'script');
    delete (globalThis as { __pwned?: unknown }).__pwned;
  }
  for (const line of bench.logged.slice(loggedBefore)) {
    row.defect(`${/\n\s+at /.test(line) ? 'a stack trace was logged' : 'logged'}: ${short(line, 300)}`);
  }
}
