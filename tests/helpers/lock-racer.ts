import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './temp-dir.ts';

const LOCK_MODULE = path.join(PROJECT_ROOT, 'electron', 'vault', 'vault-lock.ts');

/**
 * A child process for lock races: on each stdin line "<round> <startAt>" it waits until startAt,
 * tries the vault lock, and if it got it, marks itself as holder with an O_EXCL file (which fails
 * if another holder is marked), holds it `holdMs`, unmarks, releases. It answers
 * "<round> held|overlap" or "<round> lost <code> <message>".
 */
export function lockRacerScript(holdMs = 50): string {
  return `
import { VaultLock } from ${JSON.stringify(LOCK_MODULE)};
import fs from 'node:fs/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
const root = process.argv[1];
const marker = path.join(root, 'holder');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const [round, startAt] = line.split(' ').map(Number);
  await sleep(startAt - Date.now());
  let lock;
  try { lock = await VaultLock.acquire(root); }
  catch (e) { console.log(round + ' lost ' + (e.code ?? 'error') + ' ' + String(e.message).replace(/\\s+/g, ' ')); return; }
  let result = 'held';
  try { await (await fs.open(marker, 'wx')).close(); }
  catch (e) { result = e.code === 'EEXIST' ? 'overlap' : 'error-' + e.code; }
  await sleep(${holdMs});
  if (result === 'held') await fs.rm(marker);
  await lock.release();
  console.log(round + ' ' + result);
});
console.log('ready');
`;
}

/** The PID of a process that has just ended: a lock naming it is stale. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid as number;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

export function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
